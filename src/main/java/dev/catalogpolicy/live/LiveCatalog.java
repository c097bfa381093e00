package dev.catalogpolicy.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A catalog that lives across requests: calls are decided against an immutable {@link State} (rules,
 * catalog, version) published through one atomic reference, so reads run concurrently and never see
 * a half-applied call. Changes are serialized by one writer lock held only while a changing call is
 * decided and journaled; an ALLOW is on disk before it is published or acknowledged. The journal is
 * compacted into snapshots in the background.
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
  private final ReentrantLock writer = new ReentrantLock();
  private final Opened opened;
  private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "journal-compactor");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean compacting = new AtomicBoolean();
  private long sinceSnapshot;
  private final Object snapshotLock = new Object();
  private long snapshotVersion;

  private LiveCatalog(Path dir, Journal journal, int compactEvery, State initial, Opened opened, long sinceSnapshot) {
    this.dir = dir;
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
    State s;
    String source;
    boolean seeded = false;
    List<String> problems = new ArrayList<>();
    int replayed = 0;
    if (Snapshots.exists(dir)) {
      Snapshots.Loaded snap = Snapshots.read(dir);
      Journal.Replay replay = Journal.read(dir, snap.version());
      Catalog c = snap.catalog();
      long v = snap.version();
      for (Journal.Entry e : replay.entries()) {
        c = c.apply(FactCodec.read(e.body().get("removed")), FactCodec.read(e.body().get("added")));
        v = e.version();
      }
      replayed = replay.entries().size();
      problems.addAll(replay.problems());
      s = new State(rules, c, v);
      source = dir + " (snapshot version " + snap.version() + ", " + replayed + " journal entries replayed)";
    } else {
      Catalog c = Engine.settle(rules, seed.get()).catalog();
      s = new State(rules, c, 1);
      Snapshots.write(dir, 1, c);
      seeded = true;
      source = seedName + " (first start: " + dir + " held no catalog)";
    }
    Journal j = Journal.open(dir, s.version());
    LiveCatalog live = new LiveCatalog(dir, j, compactEvery, s, new Opened(seeded, source, s.version(), replayed, problems), replayed);
    live.snapshotVersion = s.version() - replayed;
    for (String p : problems) LOG.warn("journal damage: {}", p);
    live.settle(rules, "Settle");
    return live;
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

  /** Decides a call without changing anything (dry runs, queries, ExplainImpact). */
  public Decided decide(Call call) {
    State s = state.get();
    Engine.Result r = Engine.evaluate(s.rules(), s.catalog(), call.isDryRun() ? call : call.asDryRun());
    return new Decided(r, s, false);
  }

  /**
   * Decides a call and, when it is an ALLOW that changes the catalog, journals and applies it. The
   * call is decided first on the current state without the lock (a DENY or a query ends there); a
   * change is committed under the lock, decided again only if another change came first.
   */
  public Decided submit(Call call) {
    if (call.isDryRun() || call.explained() != null) return decide(call);
    State seen = state.get();
    Engine.Result first = Engine.evaluate(seen.rules(), seen.catalog(), call);
    if (!first.decision().allowed() || !first.changes()) return new Decided(first, seen, false);
    writer.lock();
    try {
      State s = state.get();
      Engine.Result r = s == seen ? first : Engine.evaluate(s.rules(), s.catalog(), call);
      if (!r.decision().allowed() || !r.changes()) return new Decided(r, s, false);
      State next = commit(s, s.rules(), r.catalog(), entry(call, r));
      return new Decided(r, next, true);
    } finally {
      writer.unlock();
    }
  }

  /** Replaces the whole catalog (settled under the current rules) and makes it the new base snapshot. */
  public State replace(Catalog catalog) throws IOException {
    writer.lock();
    try {
      State s = state.get();
      Catalog settled = Engine.settle(s.rules(), catalog).catalog();
      long v = s.version() + 1;
      writeSnapshot(v, settled);
      journal.roll(v);
      journal.dropThrough(v);
      sinceSnapshot = 0;
      State next = new State(s.rules(), settled, v);
      state.set(next);
      return next;
    } finally {
      writer.unlock();
    }
  }

  /** Swaps in new rules: the catalog is settled under them (a change is journaled) in one step. */
  public State reload(RuleSet rules) {
    return settle(rules, "RulesReloaded");
  }

  /** Publishes {@code rules} with the catalog settled under them (e.g. organization imports, R3). */
  private State settle(RuleSet rules, String why) {
    writer.lock();
    try {
      State s = state.get();
      Engine.Result r = Engine.settle(rules, s.catalog());
      if (!r.changes()) {
        if (rules != s.rules()) state.set(new State(rules, s.catalog(), s.version()));
        return state.get();
      }
      ObjectNode e = Json.MAPPER.createObjectNode().put("call", why).put("rulesHash", rules.hash());
      return commit(s, rules, r.catalog(), withChanges(e, r));
    } finally {
      writer.unlock();
    }
  }

  private State commit(State s, RuleSet rules, Catalog after, ObjectNode entry) {
    long v = s.version() + 1;
    try {
      journal.append(v, entry);
    } catch (IOException e) {
      throw new JournalUnavailable(e);
    }
    State next = new State(rules, after, v);
    state.set(next);
    if (++sinceSnapshot >= compactEvery) compactSoon();
    return next;
  }

  private static ObjectNode entry(Call call, Engine.Result r) {
    ObjectNode e = Json.MAPPER.createObjectNode();
    e.put("call", call.getName());
    e.set("caller", Json.MAPPER.valueToTree(call.getCaller()));
    e.set("input", call.input());
    e.put("decisionId", r.decision().decisionId());
    return withChanges(e, r);
  }

  private static ObjectNode withChanges(ObjectNode e, Engine.Result r) {
    e.put("time", java.time.Instant.now().toString());
    e.set("removed", FactCodec.write(r.removed()));
    e.set("added", FactCodec.write(r.added()));
    return e;
  }

  /** Starts a new journal segment now and writes the snapshot that replaces the old ones in the background. */
  private void compactSoon() {
    if (!compacting.compareAndSet(false, true)) return;
    State at = state.get();
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
    } finally {
      writer.unlock();
    }
  }
}
