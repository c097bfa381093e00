package dev.catalogpolicy.engine;

import dev.catalogpolicy.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Several {@link StatefulEngine}s over one catalog, so that calls that change nothing are decided on
 * several cores at once. A KieSession decides one call at a time; a pool holds a <b>primary</b>, which
 * decides every call that may change the catalog, and up to {@code replicas} <b>read replicas</b>, each
 * a session of its own on the same snapshot. Every change the primary applies is handed to each replica
 * ({@link StatefulEngine#apply}) before {@link #evaluate} returns, so a call decided after a change
 * returned sees it on any engine. Dry runs and ExplainImpact go to {@link #read}: the first
 * engine that is free (replicas first, then the primary), else they wait for one in turn.
 *
 * <p>Replicas are built in the background from the primary's snapshot, so loading costs no more than
 * one session; changes applied while a replica is being built are queued and handed to it before it
 * takes calls. A replica whose replicated change fails (a fault of the rules) has rebuilt itself on
 * the new snapshot already ({@link StatefulEngine#apply}); it is logged and stays. Each replica holds a
 * session as large as the primary's (about 450 MiB on org-5k, and up to about 300 MiB more for the
 * launch paths it keeps between calls): the pool's size is a memory choice, and a replica that would
 * not fit in the heap ({@link #roomFor}) is not built.
 */
public final class EnginePool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnginePool.class);

  private SessionBase base; // the rule base of every session here; guarded by changes
  private final StatefulEngine primary;
  private final ReentrantLock changes = new ReentrantLock(); // serializes changes and replicas joining
  private volatile StatefulEngine[] engines; // ready replicas, then the primary
  private final List<Pending> building = new ArrayList<>(); // guarded by changes
  private final ExecutorService builder;
  private final AtomicInteger next = new AtomicInteger();
  private volatile boolean closed;
  private final AtomicBoolean buildStarted = new AtomicBoolean();
  private final int replicas;
  private volatile int skipped; // replicas not built: no room in the heap, or their build failed

  /** A replica being built, and the changes it must still apply before it takes calls. */
  private static final class Pending {
    final List<Engine.Result> queued = new ArrayList<>();
  }

  /** Loads {@code catalog} into the primary now and starts building {@code replicas} read replicas. */
  public EnginePool(RuleSet rules, Catalog catalog, int replicas) {
    this(rules, catalog, replicas, true);
  }

  /**
   * Loads {@code catalog} into the primary now; {@code buildNow} false leaves the read replicas and the
   * rule set's own rule base to {@link #buildReplicas}, so that a starting server answers first.
   */
  public EnginePool(RuleSet rules, Catalog catalog, int replicas, boolean buildNow) {
    this.base = new SessionBase(rules);
    this.primary = new StatefulEngine(rules, catalog, Subjects.DEFAULT_CAPACITY, base);
    this.replicas = Math.max(0, replicas);
    this.engines = new StatefulEngine[] {primary};
    this.builder = replicas <= 0 ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "read-replica-builder");
      t.setDaemon(true);
      return t;
    });
    if (buildNow) buildReplicas();
  }

  /**
   * Starts building the read replicas asked for in the background, then the rule set's own rule base
   * (fresh sessions: explained calls, scenarios; compiled again on a thread of its own, {@link
   * RuleSet#prepareKieBase}). Once only; calls are served by the primary meanwhile.
   */
  public void buildReplicas() {
    if (!buildStarted.compareAndSet(false, true)) return;
    for (int i = 0; i < replicas; i++) builder.execute(this::addReplica);
    if (builder != null) builder.execute(primary.rules()::prepareKieBase);
    else primary.rules().prepareKieBase();
  }

  public Engine.Result loaded() {
    return primary.loaded();
  }

  public RuleSet rules() {
    return primary.rules();
  }

  /** The primary's snapshot: every applied change before or after, never part of one. */
  public Catalog catalog() {
    return primary.catalog();
  }

  /** How many engines take reads now (the primary and the replicas built so far). */
  public int readers() {
    return engines.length;
  }

  /** Launch-path questions kept by all sessions together ({@link StatefulEngine#keptPathQueries}). */
  public int keptPathQueries() {
    int n = 0;
    for (StatefulEngine e : engines) n += e.keptPathQueries();
    return n;
  }

  /** How many engines the pool is building towards: the primary and the replicas asked for that fit. */
  public int wanted() {
    return 1 + replicas - skipped;
  }

  /**
   * Decides a call on the primary, as {@link StatefulEngine#evaluate(Call, Consumer)}, and hands an
   * applied change to every replica before returning.
   */
  public Engine.Result evaluate(Call call, Consumer<Engine.Result> commit) {
    changes.lock();
    try {
      Engine.Result r = primary.evaluate(call, commit);
      boolean applied = r.changes() && r.decision().allowed() && !call.isDryRun() && call.explained() == null;
      if (applied) replicate(r);
      return r;
    } finally {
      changes.unlock();
    }
  }

  /** Decides a call that changes nothing (a dry run, ExplainImpact) on the first free engine. */
  public Engine.Result read(Call call) {
    StatefulEngine[] e = engines;
    int start = Math.floorMod(next.getAndIncrement(), e.length);
    for (int i = 0; i < e.length; i++) {
      Engine.Result r = e[(start + i) % e.length].tryEvaluate(call);
      if (r != null) return r;
    }
    return e[start].evaluate(call);
  }

  /**
   * Brings every session to {@code next}'s rules in place ({@link SessionBase}) when that leaves each
   * exactly as loading the catalog afresh would ({@link RuleDiff}): then true, and every call from now on
   * is decided with {@code next} ({@code published} runs before the first of them). Calls wait
   * meanwhile, for the time of the rules changed rather than of the catalog, so no call is decided with
   * a mix of old and new rules. False when it may not (the reason is logged), the sessions untouched on
   * their old rules: the caller builds a new pool. Each session's stages are emptied first
   * ({@link StatefulEngine#emptyStages}): rules left queued there made Drools' incremental update throw
   * or, later, loop. Should the update still fail on the way, the old rules are restored on a new
   * base, every session loaded afresh on it, and the answer is false too.
   */
  public boolean updateRules(RuleSet next, Runnable published) {
    String why = RuleDiff.whyNotInPlace(rules(), next);
    if (why != null) {
      LOG.info("the rules are loaded afresh, not updated in place: {}", why);
      return false;
    }
    changes.lock();
    try {
      if (closed || !building.isEmpty() || engines.length + skipped < 1 + replicas) {
        LOG.info("the rules are loaded afresh, not updated in place: read replicas are still being built");
        return false;
      }
      StatefulEngine[] e = engines;
      for (StatefulEngine engine : e) engine.pause();
      try {
        boolean done = update(e, next);
        if (done) published.run();
        return done;
      } finally {
        for (StatefulEngine engine : e) engine.resume();
      }
    } finally {
      changes.unlock();
    }
  }

  private boolean update(StatefulEngine[] e, RuleSet next) {
    try {
      for (StatefulEngine engine : e) engine.emptyStages();
      base.update(next);
      for (StatefulEngine engine : e) engine.rulesUpdated();
      for (StatefulEngine engine : e) engine.decideWith(next);
      return true;
    } catch (RuntimeException fault) {
      LOG.warn("the rules could not be updated in place ({}); the old rules are loaded afresh first", fault.toString());
      base = new SessionBase(rules());
      for (StatefulEngine engine : e) engine.reload(base);
      return false;
    }
  }

  private void replicate(Engine.Result change) {
    for (Pending p : building) p.queued.add(change);
    StatefulEngine[] e = engines;
    for (StatefulEngine replica : e) {
      if (replica != primary) applyTo(replica, change);
    }
  }

  private static void applyTo(StatefulEngine replica, Engine.Result change) {
    try {
      replica.apply(change);
    } catch (RuntimeException ex) {
      LOG.error("a read replica diverged from the primary and was rebuilt on the new snapshot: {}", ex.getMessage());
    }
  }

  private void addReplica() {
    if (closed) return;
    long facts = primary.catalog().size(), max = Runtime.getRuntime().maxMemory();
    int sessions = engines.length;
    if (!roomFor(facts, sessions, max)) {
      LOG.warn("not building read replica {}: {} sessions of {} facts need about {} MiB, more than 85% of the heap's"
          + " {} MiB; raise -Xmx or lower --read-replicas", sessions, sessions + 1, facts,
          (sessionBytes(facts) * (sessions + 1)) >> 20, max >> 20);
      skipped++;
      return;
    }
    Pending p = new Pending();
    Catalog snapshot;
    SessionBase on;
    changes.lock();
    try {
      snapshot = primary.catalog();
      on = base;
      building.add(p);
    } finally {
      changes.unlock();
    }
    StatefulEngine replica;
    try {
      replica = new StatefulEngine(primary.rules(), snapshot, Subjects.DEFAULT_CAPACITY, on);
    } catch (RuntimeException e) {
      LOG.error("a read replica could not be built: {}", e.getMessage());
      dropPending(p);
      skipped++;
      return;
    }
    changes.lock();
    try {
      building.remove(p);
      if (closed) {
        replica.close();
        return;
      }
      for (Engine.Result change : p.queued) applyTo(replica, change);
      StatefulEngine[] e = engines;
      StatefulEngine[] grown = new StatefulEngine[e.length + 1];
      grown[0] = replica;
      System.arraycopy(e, 0, grown, 1, e.length);
      engines = grown;
    } finally {
      changes.unlock();
    }
  }

  /**
   * Heap a session holds per catalog fact, the catalog's own facts and what the rules derive from them
   * (measured with the generated catalogs: 3.0 KiB at org-1k, 3.5 at org-5k, 3.6 at org-20k; rounded up).
   */
  static final long BYTES_PER_FACT = 4096;
  /** Heap a kept question takes with its derivations (org-5k: 20,000 kept took 276 MiB). */
  static final long BYTES_PER_KEPT_QUESTION = 16384;

  /**
   * A session of a catalog of {@code facts}, with the launch paths it keeps between calls at their
   * bound (never counted above the catalog's own size: a small catalog derives little per caller).
   */
  static long sessionBytes(long facts) {
    long catalog = facts * BYTES_PER_FACT;
    return catalog + Math.min(catalog, Subjects.DEFAULT_CAPACITY * BYTES_PER_KEPT_QUESTION);
  }

  /**
   * Whether one more session of a catalog of {@code facts} fits beside {@code sessions} others in a
   * heap of {@code max} bytes, keeping 15% free. A replica that does not fit is not built (and the log
   * says so), rather than have the server run out of memory.
   */
  static boolean roomFor(long facts, int sessions, long max) {
    return sessionBytes(facts) * (sessions + 1) <= max * 0.85;
  }

  private void dropPending(Pending p) {
    changes.lock();
    try {
      building.remove(p);
    } finally {
      changes.unlock();
    }
  }

  /** The engines taking reads, replicas first and the primary last (tests). */
  StatefulEngine engine(int i) {
    return engines[i];
  }

  /** Waits until the replicas asked for are built (tests, benchmarks). */
  public void awaitReplicas(long timeout, TimeUnit unit) throws InterruptedException {
    if (builder == null) return;
    try {
      builder.submit(() -> { }).get(timeout, unit);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("read replicas not built within " + timeout + " " + unit, e);
    }
  }

  /** Closes every engine once its call in hand is done; replicas still being built are dropped. */
  @Override
  public void close() {
    closed = true;
    if (builder != null) builder.shutdownNow();
    changes.lock();
    try {
      for (StatefulEngine e : engines) e.close();
    } finally {
      changes.unlock();
    }
  }
}
