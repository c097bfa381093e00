package dev.catalogpolicy.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.DecisionIds;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.EnginePool;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A catalog that lives across requests. Calls are decided by an {@link EnginePool}: long-lived
 * sessions holding the catalog, one primary for changes and read replicas for dry runs and queries;
 * what readers see is an immutable {@link State} (rules, catalog,
 * version) published through one atomic reference, so a read never sees a half-applied call. Changes
 * are serialized by a writer lock; an ALLOW is journaled (forced to disk) inside the engine's commit,
 * before it is published or acknowledged, and a journal that cannot be written undoes the call. A
 * new catalog or new rules get a new engine, built while the old one keeps answering reads, then
 * swapped in one step. The journal is compacted into snapshots in the background.
 */
public final class LiveCatalog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCatalog.class);

  /** What every reader sees: one consistent rules-and-catalog pair. */
  public record State(RuleSet rules, Catalog catalog, long version) {}

  /** How the catalog was opened: from a seed or from the data directory, and any damage found. */
  public record Opened(boolean seeded, String source, long version, int replayed, List<String> problems) {}

  /** A decision against a live catalog, with the version it was decided at (or produced). */
  public record Decided(Engine.Result result, State state, boolean applied) {}

  /** A change could not be made durable: nothing was applied. */
  public static final class JournalUnavailable extends RuntimeException {
    JournalUnavailable(IOException cause) {
      super("the journal could not be written (" + cause.getMessage() + "); the call was not applied", cause);
    }
  }

  private final Path dir;
  private final Journal journal;
  private final int compactEvery;
  private final AtomicReference<State> state;
  private volatile State prior; // the state before the last change (a replica may still answer from it)
  private volatile EnginePool engine;
  private final int replicas;
  private final ReentrantLock writer = new ReentrantLock();
  private final Opened opened;
  private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "journal-compactor");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean compacting = new AtomicBoolean();
  private final AtomicReference<Answers> answers = new AtomicReference<>();
  private final LongAdder reused = new LongAdder();
  private long sinceSnapshot;
  private final Object snapshotLock = new Object();
  private long snapshotVersion;

  private LiveCatalog(Path dir, Journal journal, int compactEvery, EnginePool engine, int replicas, State initial,
                      Opened opened, long sinceSnapshot) {
    this.dir = dir;
    this.replicas = replicas;
    this.engine = engine;
    this.journal = journal;
    this.compactEvery = compactEvery;
    this.state = new AtomicReference<>(initial);
    this.opened = opened;
    this.sinceSnapshot = sinceSnapshot;
  }

  /**
   * Opens the catalog kept in {@code dir}: its snapshot and journal when it holds one (the seed is not
   * read), else the seed, settled and written as the first snapshot.
   */
  public static LiveCatalog open(Path dir, RuleSet rules, String seedName, Supplier<Catalog> seed, int compactEvery)
      throws IOException {
    return open(dir, rules, seedName, seed, compactEvery, 0);
  }

  /** As above, with {@code replicas} read replicas built in the background ({@link EnginePool}). */
  public static LiveCatalog open(Path dir, RuleSet rules, String seedName, Supplier<Catalog> seed, int compactEvery,
                                 int replicas) throws IOException {
    return open(dir, rules, seedName, seed, compactEvery, replicas, true);
  }

  /**
   * As above; {@code replicasNow} false leaves the read replicas to {@link #buildReplicas}, so that a
   * starting server listens before it builds them (they compete for the same cores).
   */
  public static LiveCatalog open(Path dir, RuleSet rules, String seedName, Supplier<Catalog> seed, int compactEvery,
                                 int replicas, boolean replicasNow) throws IOException {
    String source;
    boolean seeded = false;
    List<String> problems = new ArrayList<>();
    int replayed = 0;
    Catalog c;
    long v;
    if (Snapshots.exists(dir)) {
      Snapshots.Loaded snap = Snapshots.read(dir);
      Journal.Replay replay = Journal.read(dir, snap.version());
      c = snap.catalog();
      v = snap.version();
      for (Journal.Entry e : replay.entries()) {
        c = c.apply(FactCodec.read(e.body().get("removed")), FactCodec.read(e.body().get("added")));
        v = e.version();
      }
      replayed = replay.entries().size();
      problems.addAll(replay.problems());
      source = dir + " (snapshot version " + snap.version() + ", " + replayed + " journal entries replayed)";
    } else {
      c = seed.get();
      v = 1;
      seeded = true;
      source = seedName + " (first start: " + dir + " held no catalog)";
    }
    EnginePool engine = new EnginePool(rules, c, replicas, replicasNow);
    if (seeded) Snapshots.write(dir, 1, engine.catalog()); // the seed as settled under the rules
    State s = new State(rules, seeded ? engine.catalog() : c, v);
    Journal j = Journal.open(dir, v);
    LiveCatalog live = new LiveCatalog(dir, j, compactEvery, engine, replicas, s,
        new Opened(seeded, source, v, replayed, problems), replayed);
    live.snapshotVersion = v - replayed;
    for (String p : problems) LOG.warn("journal damage: {}", p);
    if (!seeded && engine.loaded().changes()) {
      live.commit(rules, engine.loaded(), Json.MAPPER.createObjectNode().put("call", "Settle").put("rulesHash", rules.hash()));
    }
    return live;
  }

  /** Starts building the read replicas of a catalog opened with {@code replicasNow} false (once). */
  public void buildReplicas() {
    engine.buildReplicas();
  }

  public Opened opened() {
    return opened;
  }

  public State state() {
    return state.get();
  }

  public long journalBytes() {
    return journal.bytes();
  }

  /**
   * Decides a call without changing anything (dry runs, queries, ExplainImpact). A question already
   * answered under the state published now is answered again from {@link Answers}; ExplainImpact and
   * explained calls are always decided.
   */
  public Decided decide(Call call) {
    Call dry = call.isDryRun() ? call : call.asDryRun();
    Object question = dry.explained() == null && !dry.explain() && Answers.DEFAULT_CAPACITY > 0 ? dry.question() : null;
    while (true) {
      State s = state.get();
      Answers known = question == null ? null : answersFor(s);
      Engine.Result answered = known == null ? null : known.get(question);
      if (answered != null) {
        reused.increment();
        return new Decided(answered.with(answered.decision().withDecisionId(DecisionIds.next())), s, false);
      }
      EnginePool e = engine;
      try {
        Engine.Result r = e.read(dry);
        State after = state.get();
        if (after != s && after.catalog() == s.catalog() && after.rules() != s.rules()) {
          // new rules were published meanwhile (in place, while the sessions were paused, or with a new engine):
          // this call may have been decided with either, so it is decided again under the state published now
          continue;
        }
        // kept only when decided on the state's own catalog and nothing was published meanwhile
        if (known != null && r.catalog() == s.catalog() && after == s && r.decision().error() == null) {
          known.put(question, r);
        }
        // a change may be published between reading the state and deciding: report the version decided at
        if (r.catalog() != s.catalog()) {
          State before = prior;
          if (after.catalog() == r.catalog()) s = after;
          else if (before != null && before.catalog() == r.catalog()) s = before;
        }
        return new Decided(r, s, false);
      } catch (IllegalStateException closed) {
        if (e == engine) throw closed; // not a swap: a real fault
      }
    }
  }

  /** The answers kept for {@code s}: new ones when {@code s} is newer than those kept. */
  private Answers answersFor(State s) {
    Answers a = answers.get();
    if (a != null && a.state() == s) return a;
    if (s != state.get()) return null; // an older state: neither kept nor looked up
    Answers fresh = new Answers(s, Answers.DEFAULT_CAPACITY);
    return answers.compareAndSet(a, fresh) ? fresh : answersFor(s);
  }

  /** Dry runs and queries answered again from {@link Answers} since the catalog was opened. */
  public long answersReused() {
    return reused.sum();
  }

  /** The calls api.md names as queries (ListLaunchPaths, SearchProducts, DescribeProvisioningParameters, AuditCatalog). */
  private static final Set<String> QUERIES = Set.of("ListLaunchPaths", "SearchProducts", "DescribeProvisioningParameters",
      "AuditCatalog");

  /**
   * Decides a call and, when it is an ALLOW that changes the catalog, journals and applies it. A query
   * is decided like a dry run (on a read replica, without waiting for a change in progress); should the
   * rules change something on one, it is decided again as a change.
   */
  public Decided submit(Call call) {
    if (call.isDryRun() || call.explained() != null) return decide(call);
    if (QUERIES.contains(call.getName())) {
      Decided d = decide(call);
      if (!d.result().changes()) return d;
    }
    writer.lock();
    try {
      EnginePool e = engine;
      boolean[] applied = {false};
      Engine.Result r = e.evaluate(call, change -> {
        commit(e.rules(), change, entry(call, change));
        applied[0] = true;
      });
      return new Decided(r, state.get(), applied[0]);
    } finally {
      writer.unlock();
    }
  }

  /** Replaces the whole catalog (settled under the current rules) and makes it the new base snapshot. */
  public State replace(Catalog catalog) throws IOException {
    writer.lock();
    try {
      State s = state.get();
      EnginePool next = new EnginePool(s.rules(), catalog, replicas);
      long v = s.version() + 1;
      try {
        writeSnapshot(v, next.catalog());
        journal.roll(v);
        journal.dropThrough(v);
      } catch (IOException | RuntimeException e) {
        next.close();
        throw e;
      }
      sinceSnapshot = 0;
      return swap(next, new State(s.rules(), next.catalog(), v));
    } finally {
      writer.unlock();
    }
  }

  /**
   * Swaps in new rules: the engine's sessions updated in place when that is exact and changes nothing
   * ({@link EnginePool#updateRules}), else a new engine with the catalog settled under them (a change is
   * journaled).
   */
  public State reload(RuleSet rules) {
    writer.lock();
    try {
      State s = state.get();
      State inPlace = new State(rules, s.catalog(), s.version());
      if (engine.updateRules(rules, () -> state.set(inPlace))) return inPlace;
      EnginePool next = new EnginePool(rules, s.catalog(), replicas);
      if (!next.loaded().changes()) return swap(next, new State(rules, s.catalog(), s.version()));
      try {
        State after = commitEntry(s, rules, next.loaded(), Json.MAPPER.createObjectNode().put("call", "RulesReloaded")
            .put("rulesHash", rules.hash()), false);
        return swap(next, after);
      } catch (RuntimeException e) {
        next.close();
        throw e;
      }
    } finally {
      writer.unlock();
    }
  }

  /** Publishes a new engine and its state, then closes the old engine once its call in hand is done. */
  private State swap(EnginePool next, State published) {
    EnginePool old = engine;
    engine = next;
    state.set(published);
    old.close();
    return published;
  }

  /** Journals one change and publishes the catalog after it (under the writer lock). */
  private void commit(RuleSet rules, Engine.Result change, ObjectNode entry) {
    commitEntry(state.get(), rules, change, entry, true);
  }

  private State commitEntry(State s, RuleSet rules, Engine.Result change, ObjectNode entry, boolean publish) {
    long v = s.version() + 1;
    try {
      journal.append(v, withChanges(entry, change));
    } catch (IOException e) {
      throw new JournalUnavailable(e);
    }
    State next = new State(rules, change.catalog(), v);
    if (publish) {
      prior = s;
      state.set(next);
    }
    if (++sinceSnapshot >= compactEvery) compactSoon(next);
    return next;
  }

  private static ObjectNode entry(Call call, Engine.Result r) {
    ObjectNode e = Json.MAPPER.createObjectNode();
    e.put("call", call.getName());
    e.set("caller", Json.MAPPER.valueToTree(call.getCaller()));
    e.set("input", call.input());
    e.put("decisionId", r.decision().decisionId());
    return e;
  }

  private static ObjectNode withChanges(ObjectNode e, Engine.Result r) {
    e.put("time", java.time.Instant.now().toString());
    e.set("removed", FactCodec.write(r.removed()));
    e.set("added", FactCodec.write(r.added()));
    return e;
  }

  /** Starts a new journal segment now and writes the snapshot that replaces the old ones in the background. */
  private void compactSoon(State at) {
    if (!compacting.compareAndSet(false, true)) return;
    try {
      journal.roll(at.version());
      sinceSnapshot = 0;
    } catch (IOException e) {
      compacting.set(false);
      LOG.warn("journal segment could not be rolled: {}", e.getMessage());
      return;
    }
    compactor.execute(() -> {
      try {
        if (writeSnapshot(at.version(), at.catalog())) journal.dropThrough(at.version());
      } catch (IOException | UncheckedIOException e) {
        LOG.warn("snapshot at version {} failed ({}); the journal keeps every entry", at.version(), e.getMessage());
      } finally {
        compacting.set(false);
      }
    });
  }

  /** Writes the snapshot at {@code version} unless a newer one is already on disk. */
  private boolean writeSnapshot(long version, Catalog catalog) throws IOException {
    synchronized (snapshotLock) {
      if (version <= snapshotVersion) return false;
      Snapshots.write(dir, version, catalog);
      snapshotVersion = version;
      return true;
    }
  }

  /** Sessions deciding calls now: the primary and the read replicas built so far. */
  public int sessionsReady() {
    return engine.readers();
  }

  /** The primary and the read replicas asked for that the heap holds (see {@link EnginePool#wanted}). */
  public int sessionsWanted() {
    return engine.wanted();
  }

  /** Launch-path questions whose paths the sessions keep for their callers (see {@code engine/Subjects}). */
  public int keptPathQueries() {
    return engine.keptPathQueries();
  }

  /** Waits until the read replicas asked for are built (benchmarks, tests). */
  public void awaitReplicas() throws InterruptedException {
    engine.awaitReplicas(10, TimeUnit.MINUTES);
  }

  /** Waits for a running compaction (tests and shutdown). */
  public void awaitCompaction() throws Exception {
    compactor.submit(() -> { }).get(1, TimeUnit.MINUTES);
  }

  @Override
  public void close() throws IOException {
    compactor.shutdown();
    try {
      compactor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.lock();
    try {
      journal.close();
      engine.close();
    } finally {
      writer.unlock();
    }
  }
}
