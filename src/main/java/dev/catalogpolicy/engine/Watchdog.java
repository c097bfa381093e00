package dev.catalogpolicy.engine;

import org.kie.api.runtime.KieSession;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Stops a {@code fireAllRules} that does not return. The evaluation limit ({@link Engine#MAX_NANOS}) is
 * checked as rules fire; a session whose network evaluation loops without firing anything never
 * reaches that check (Drools' incremental update once left an agenda queue that did so, see
 * {@link StatefulEngine#emptyStages}), and would hold its engine, and a core, for good. One daemon
 * thread looks at every thread's evaluation in progress twice a second and halts a session that has
 * been evaluating its call for longer than the limit plus a second; {@link Engine#fire} then fails the
 * call and the engine rebuilds its session from its snapshot. Each thread has one slot, set and cleared
 * around each {@code fireAllRules} (a few volatile writes).
 */
final class Watchdog {
  /** Halts an evaluation older than this (tests lower it). */
  static volatile long limitNanos = Engine.MAX_NANOS + TimeUnit.SECONDS.toNanos(1);

  private static final List<Slot> SLOTS = new CopyOnWriteArrayList<>();
  private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(() -> {
    Slot s = new Slot(Thread.currentThread());
    SLOTS.add(s);
    return s;
  });

  static {
    Thread t = new Thread(Watchdog::watch, "rules-watchdog");
    t.setDaemon(true);
    t.start();
  }

  private Watchdog() {}

  /** What one thread is evaluating now, if anything. */
  static final class Slot {
    private final WeakReference<Thread> owner;
    private volatile KieSession session;
    private volatile Outcome out;

    private Slot(Thread owner) {
      this.owner = new WeakReference<>(owner);
    }

    void done() {
      session = null;
      out = null;
    }
  }

  /** Marks {@code session} as evaluating {@code out}'s call on this thread until {@link Slot#done}. */
  static Slot watch(KieSession session, Outcome out) {
    Slot s = SLOT.get();
    s.out = out;
    s.session = session;
    return s;
  }

  private static void watch() {
    while (true) {
      try {
        Thread.sleep(500);
        for (Slot s : SLOTS) {
          if (s.owner.get() == null) {
            SLOTS.remove(s);
            continue;
          }
          KieSession session = s.session;
          Outcome out = s.out;
          if (session != null && out != null && out.age() > limitNanos && !out.stopped()) {
            out.stop();
            session.halt();
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a session disposed meanwhile: nothing to stop
      }
    }
  }
}
