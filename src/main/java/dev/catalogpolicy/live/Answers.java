package dev.catalogpolicy.live;

import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The answers the rules gave to calls that change nothing (dry runs and queries) under one published
 * {@link LiveCatalog.State}: its rules and its catalog. The rules decide from the catalog alone, so the
 * same question asked again of the same state is decided exactly as before, and {@link LiveCatalog#decide}
 * answers it from here instead of deciding it again (a decision id of its own; the decision log and the
 * metrics count it as any decision). A new state, after any applied change, new rules or a replaced
 * catalog, gets answers of its own: nothing decided before it is answered after it.
 *
 * <p>Bounded by weight: a decision weighs one plus its effects, paths, products, constraints and
 * findings. Answers go into a current generation; when that reaches {@code capacity}, it becomes the
 * previous one (the one before is dropped), and an answer found only there moves back into the
 * current. So the answers asked for recently stay, and at most about twice {@code capacity} is held.
 * A decision heavier than a sixteenth of {@code capacity} (an org-wide removal's thousands of effects)
 * is not kept: it would push out everything else.
 *
 * <p>An answer is kept from the second time its question is decided, not the first: the first only
 * leaves the question's hash in a fixed table ({@link #put}). A stream of questions asked once each (a
 * pipeline's launches, each with a new provisioned product name) then keeps nothing and pushes nothing
 * out, where it used to fill both generations with answers nobody asked for again, each living a second
 * or two: long enough to be copied by every young collection, which took the collector's pauses from
 * 2–4 ms to 36–97 ms (docs/performance.md). A question asked again is decided twice, then answered.
 */
final class Answers {
  /** Weight per generation ({@code -Dcatalogpolicy.keptAnswers=N}; 0 keeps none). */
  static final int DEFAULT_CAPACITY = Integer.getInteger("catalogpolicy.keptAnswers", 10_000);

  private final LiveCatalog.State state;
  private final int capacity;
  private volatile Map<Object, Engine.Result> current = new ConcurrentHashMap<>();
  private volatile Map<Object, Engine.Result> previous = Map.of();
  private final AtomicInteger weight = new AtomicInteger();
  /** The hashes of questions decided once under this state, a slot each (races lose a hash, no more). */
  private final int[] seen;

  Answers(LiveCatalog.State state, int capacity) {
    this.state = state;
    this.capacity = capacity;
    this.seen = new int[Integer.highestOneBit(Math.max(1, capacity)) * 2];
  }

  /** The state whose answers these are. */
  LiveCatalog.State state() {
    return state;
  }

  /** The answer given to {@code question} under this state, or null. */
  Engine.Result get(Object question) {
    Engine.Result r = current.get(question);
    if (r != null) return r;
    r = previous.get(question);
    if (r != null) keep(question, r, weight(r.decision()));
    return r;
  }

  /**
   * The answer to {@code question}, decided under this state: kept if the question was decided before
   * under this state (its hash is in the table) and the answer is not too heavy; otherwise its hash is
   * left in the table. True when kept.
   */
  boolean put(Object question, Engine.Result answer) {
    int w = weight(answer.decision());
    if (w > capacity / 16) return false;
    int h = question.hashCode();
    int slot = (h ^ (h >>> 16)) & (seen.length - 1);
    if (seen[slot] != h) {
      seen[slot] = h;
      return false;
    }
    keep(question, answer, w);
    return true;
  }

  private void keep(Object question, Engine.Result answer, int w) {
    if (current.putIfAbsent(question, answer) == null && weight.addAndGet(w) >= capacity) age();
  }

  /** How many answers are held (both generations; tests). */
  int size() {
    return current.size() + previous.size();
  }

  private synchronized void age() {
    if (weight.get() < capacity) return; // another thread aged them already
    previous = current;
    current = new ConcurrentHashMap<>();
    weight.set(0);
  }

  static int weight(Decision d) {
    return 1 + size(d.effects()) + size(d.paths()) + size(d.products()) + size(d.constraints()) + size(d.findings());
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
