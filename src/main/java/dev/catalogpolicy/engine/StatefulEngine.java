package dev.catalogpolicy.engine;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.model.Policy;
import dev.catalogpolicy.model.Quotas;
import dev.catalogpolicy.model.RolesListed;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The engine of {@link Engine#evaluate}, kept alive over one catalog. A single KieSession holds the
 * catalog's facts and what the rules derive from them alone (memberships, share reach), settled once
 * as {@link Engine#settle} does. A call is inserted, the stages fire exactly as in {@link Engine}, the
 * outcome is read back, and then the call and everything that came with it (effects, facts derived
 * from the call, facts a rule inserted for the call) are withdrawn again, so a call costs what the
 * rules join on it, not the size of the catalog.
 *
 * <ul>
 *   <li>DENY: nothing changed; the call's facts are withdrawn.</li>
 *   <li>ALLOW: the changes the rules made ({@code out.add/remove/replace}) stay in the session and a
 *       new {@link Catalog} snapshot is published ({@link Catalog#apply} costs the changes, not the
 *       catalog).</li>
 *   <li>Dry run and ExplainImpact: every change is undone (added facts deleted, removed facts inserted
 *       again) before the rules settle, so the session holds the same facts as before the call.
 *       ExplainImpact's path diff ({@link Impact}) then runs on the snapshots, as in {@link Engine}.</li>
 *   <li>{@link #evaluate(Call, Consumer)} hands an applied change to a commit (a journal) before it is
 *       published; a commit that throws has the change undone.</li>
 *   <li>{@code explain: true}: the explanation needs the derivation of every fact the deciding rules
 *       matched, including facts derived when the catalog was loaded, so such a call is decided in a
 *       fresh session on the current snapshot ({@link Engine#evaluate}); an allowed, applied explained
 *       call is then also applied here.</li>
 *   <li>A fault of the rules (a loop, a denial out of stage, a consequence that throws) leaves the
 *       catalog as it was: the session is rebuilt from the last published snapshot (seconds on a large
 *       catalog) and the fault is rethrown.</li>
 * </ul>
 *
 * <p><b>Concurrency.</b> A KieSession is not thread-safe: {@link #evaluate} holds one lock for the whole
 * call (insert, fire, read back, withdraw, publish), so calls are decided one at a time, in lock order,
 * each seeing every change of the calls before it. {@link #catalog()} takes no lock: it returns the last
 * published snapshot, an immutable {@link Catalog} that is replaced as a whole after an applied call has
 * fully settled, so a reader never sees a half-applied call. A Result's catalogs are such snapshots too.
 * To use more cores, {@link EnginePool} runs several over the same catalog and hands every applied
 * change to each ({@link #apply}).
 */
public final class StatefulEngine implements AutoCloseable {
  private static final Set<Class<?>> CATALOG_TYPES;

  static {
    Set<Class<?>> types = new HashSet<>(Catalog.FACT_TYPES);
    types.addAll(List.of(Policy.class, Quotas.class, RolesListed.class));
    CATALOG_TYPES = Set.copyOf(types);
  }

  private volatile RuleSet rules; // changed only in place, by an EnginePool (decideWith)
  private SessionBase base; // where sessions come from: null for rules.kieBase(); guarded by lock
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Catalog catalog;
  private final Engine.Result loaded;

  // guarded by lock
  private KieSession session;
  private Outcome out;
  private boolean recording;
  private final List<FactHandle> inserted = new ArrayList<>();
  /** Callers whose derivations stay between calls ({@link Subjects}); not kept while ExplainImpact derives paths. */
  private final Subjects subjects;
  private boolean keeping = true;

  /** Loads {@code catalog} into a new session and settles it (the sync stage, as {@link Engine#settle}). */
  public StatefulEngine(RuleSet rules, Catalog catalog) {
    this(rules, catalog, Subjects.DEFAULT_CAPACITY, null);
  }

  /** As {@link #StatefulEngine(RuleSet, Catalog)}, keeping the derivations of at most {@code keptPathQueries} questions. */
  StatefulEngine(RuleSet rules, Catalog catalog, int keptPathQueries) {
    this(rules, catalog, keptPathQueries, null);
  }

  /**
   * As {@link #StatefulEngine(RuleSet, Catalog, int)}, with its session on {@code base} (an
   * {@link EnginePool}'s, which it may update in place) or, if null, on {@code rules.kieBase()}.
   */
  StatefulEngine(RuleSet rules, Catalog catalog, int keptPathQueries, SessionBase base) {
    this.rules = rules;
    this.base = base;
    this.subjects = new Subjects(keptPathQueries);
    lock.lock();
    try {
      this.loaded = open(catalog);
    } finally {
      lock.unlock();
    }
  }

  /** What loading did: the settled catalog and the effects of settling it (as {@link Engine#settle}). */
  public Engine.Result loaded() {
    return loaded;
  }

  public RuleSet rules() {
    return rules;
  }

  /** The current snapshot: every applied call before or after, never part of one. Takes no lock. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Decides {@code call} against the current catalog, as {@link Engine#evaluate} would against
   * {@link #catalog()}, and applies an allowed call unless it is a dry run.
   */
  public Engine.Result evaluate(Call call) {
    return evaluate(call, null);
  }

  /**
   * As {@link #evaluate(Call)}; an allowed call that changes the catalog is first handed to
   * {@code commit} (e.g. to journal its removed and added facts), still under the lock and before the
   * new snapshot is published. If {@code commit} throws, the call is undone as a dry run would be,
   * nothing is published, and the exception is rethrown.
   */
  public Engine.Result evaluate(Call call, Consumer<Engine.Result> commit) {
    lock.lock();
    try {
      return evaluateLocked(call, commit);
    } finally {
      lock.unlock();
    }
  }

  /**
   * As {@link #evaluate(Call)} when no other call is being decided here, else null at once (a pool of
   * engines tries the next one).
   */
  public Engine.Result tryEvaluate(Call call) {
    if (!lock.tryLock()) return null;
    try {
      return evaluateLocked(call, null);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes a change that another engine over the same catalog decided and applied (an {@link EnginePool}
   * replica): its removed facts leave the session, its added facts enter it, the derivations follow,
   * and {@code change.catalog()} becomes this engine's snapshot. The change already holds everything
   * its rules did, the sync stage included, so no rule may act on it here; if one does, or a removed
   * fact is not in the session, the session is rebuilt on {@code change.catalog()} (the snapshot is
   * right either way) and an {@link EngineException} says what diverged.
   */
  public void apply(Engine.Result change) {
    lock.lock();
    try {
      if (session == null) throw new IllegalStateException("this engine is closed");
      if (change.catalog() == catalog) return;
      try {
        Outcome o = change(change.removed(), change.added());
        settleStage(o, "sync");
        publish(change.catalog());
      } catch (RuntimeException e) {
        reopen(change.catalog());
        throw e instanceof EngineException ee ? ee : new EngineException("a replicated change failed: " + e, e);
      }
    } finally {
      lock.unlock();
    }
  }

  private Engine.Result evaluateLocked(Call call, Consumer<Engine.Result> commit) {
    if (session == null) throw new IllegalStateException("this engine is closed");
    Catalog before = catalog;
    try {
      if (call.explained() != null) return impact(call.explained());
      Engine.Result r = decide(call.withCaller(subjects.canonical(call.getCaller())), commit);
      if (subjects.trim(session, call.getCaller())) settle(out);
      return r;
    } catch (Intact e) {
      throw (RuntimeException) e.getCause(); // the session is as it was before the call
    } catch (RuntimeException e) {
      reopen(before);
      throw e;
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (session != null) session.dispose();
      session = null;
    } finally {
      lock.unlock();
    }
  }

  // ---- rules updated in place (EnginePool#updateRules) -----------------------------------------------

  /** Waits for the call in hand and holds every other call off until {@link #resume}. */
  void pause() {
    lock.lock();
  }

  void resume() {
    lock.unlock();
  }

  /**
   * Before the session's base is updated to new rules (paused, so no call is in the session): fires
   * every stage, which finds nothing to fire but takes the rules a stage still holds queued off its
   * agenda group. A stage's rules are queued when a call enters the session, and stay queued when the
   * stage is never fired for it (the stages after a DENY; the calls ExplainImpact inserts to derive
   * paths). Drools' incremental update leaves such a queue out of order, and the next call that fired
   * the stage looped forever (AnswersReusedTest found it: an ExplainImpact, then new rules).
   */
  void emptyStages() {
    Outcome o = begin();
    for (String stage : Engine.DENY_STAGES) Engine.fire(session, o, stage);
    for (String stage : Engine.ALLOW_STAGES) Engine.fire(session, o, stage);
    if (!o.fired().isEmpty()) throw new EngineException("rule \"" + o.lastRule() + "\" fired in a session without a call");
  }

  /**
   * After the session's base was updated to new rules (paused): fires what they derive from the facts
   * already here, as loading does (the derivations, then the sync stage). Rules that would change the
   * catalog as they load, or that throw, are a fault: the pool loads every session afresh.
   */
  void rulesUpdated() {
    if (session == null) throw new IllegalStateException("this engine is closed");
    Outcome o = begin();
    Engine.fireLoaded(session, o);
    if (!o.added().isEmpty() || !o.removed().isEmpty()) {
      throw new EngineException("rule \"" + o.lastRule() + "\" changed the catalog as the new rules loaded");
    }
    keep(o);
  }

  /** The rules this engine's session now runs (paused): explained calls are decided with them too. */
  void decideWith(RuleSet next) {
    rules = next;
  }

  /** Loads this engine's snapshot into a new session on {@code fresh} (paused). */
  void reload(SessionBase fresh) {
    base = fresh;
    reopen(catalog);
  }

  // ---- deciding (lock held) -------------------------------------------------------------------------

  /**
   * ExplainImpact: the dry run of the inner call, then the launch paths of the principals it can reach
   * (Impact), all of them derived in this session: before the change, then with the dry run's changes
   * made again (removed facts out, added facts in) and, once read, undone.
   */
  private Engine.Result impact(Call inner) {
    Catalog before = catalog;
    Engine.Result dry = decide(inner.asDryRun(), null);
    Decision d = dry.decision();
    Impact.Report report = Impact.of(before, inner, dry, this::pathsHere, (principals, products) -> {
      change(dry.removed(), dry.added());
      try {
        return pathsHere(principals, products);
      } finally {
        change(dry.added(), dry.removed());
      }
    });
    return new Engine.Result(d.withImpact(report), before, before);
  }

  /** The launch paths the rules derive in this session, as it stands, for each principal. */
  private Map<LaunchPaths.Principal, Map<String, LaunchPaths.Path>> pathsHere(List<LaunchPaths.Principal> principals,
                                                                              Set<String> products) {
    Outcome o = begin();
    recording = false;
    keeping = false;
    // a caller whose paths are kept is let go first: LaunchPaths reads the paths as they are derived
    try (LaunchPaths paths = new LaunchPaths(session, o, c -> subjects.release(session, c))) {
      return paths.ofAll(principals, products);
    } finally {
      keeping = true;
      inserted.clear();
    }
  }

  /**
   * Takes {@code removed} out of the session, puts {@code added} in and lets the derivations follow; a
   * rule that acts on it is a fault ({@link #settle}). Returns the outcome it settled with.
   */
  private Outcome change(List<Object> removed, List<Object> added) {
    Outcome o = begin();
    recording = false;
    for (Object r : removed) {
      FactHandle h = session.getFactHandle(r);
      if (h == null) throw new EngineException("the change removes a fact this session does not hold: " + r);
      session.delete(h);
    }
    for (Object a : added) session.insert(a);
    settle(o);
    return o;
  }

  private Engine.Result decide(Call call, Consumer<Engine.Result> commit) {
    if (call.explain()) return explained(call, commit);
    Catalog before = catalog;
    Outcome o = begin();
    session.insert(call);
    Decision d = Engine.decide(session, o);
    if (!d.allowed()) {
      withdraw(o);
      return new Engine.Result(d, before, before);
    }
    List<Object> removed = List.copyOf(o.removed()), added = List.copyOf(o.added());
    if (call.isDryRun()) {
      withdraw(o);
      return Engine.Result.dryRun(d, before, removed, added);
    }
    Catalog after = before.apply(removed, added);
    keep(o);
    if (commit != null && !(removed.isEmpty() && added.isEmpty())) {
      try {
        commit.accept(new Engine.Result(d, after, after, removed, added));
      } catch (RuntimeException e) {
        undo(o);
        throw new Intact(e);
      }
    }
    publish(after);
    return new Engine.Result(d, catalog, after, removed, added);
  }

  /** An explained call: decided in a fresh session (see the class comment), applied here when allowed. */
  private Engine.Result explained(Call call, Consumer<Engine.Result> commit) {
    Catalog before = catalog;
    Engine.Result fresh = intact(() -> Engine.evaluate(rules, before, call));
    if (call.isDryRun() || !fresh.decision().allowed()) return fresh;
    Engine.Result applied = decide(call.withExplain(false), commit);
    if (!applied.decision().allowed() || applied.decision().effects().size() != fresh.decision().effects().size()) {
      return applied; // cannot happen while both engines agree (StatefulEngineTest); what was applied wins
    }
    return new Engine.Result(fresh.decision(), applied.catalog(), applied.wouldBe(), applied.removed(), applied.added());
  }

  // ---- the session (lock held) ----------------------------------------------------------------------

  private Engine.Result open(Catalog source) {
    // one thread at a time uses the session (the lock): Drools may skip its own synchronization (5-15% a call)
    KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
    conf.setOption(ThreadSafeOption.NO);
    session = (base == null ? rules.kieBase() : base.kieBase()).newKieSession(conf, null);
    subjects.clear();
    session.addEventListener(new DefaultAgendaEventListener() {
      @Override
      public void beforeMatchFired(BeforeMatchFiredEvent event) {
        out.firing(event.getMatch().getRule().getName(), List.of()); // explained calls run in a fresh session
        if (out.overdue(Engine.MAX_NANOS)) session.halt();
      }
    });
    session.addEventListener(new DefaultRuleRuntimeEventListener() {
      @Override
      public void objectInserted(ObjectInsertedEvent event) {
        if (keeping && event.getRule() != null && subjects.inserted(event.getFactHandle(), event.getObject())) return;
        if (recording) inserted.add(event.getFactHandle());
      }
    });
    Outcome o = begin();
    recording = false; // the catalog's own facts stay
    source.allFacts().forEach(session::insert);
    recording = true;
    Engine.fireLoaded(session, o);
    Catalog settled = source.apply(o.removed(), o.added());
    Decision d = new Decision(Decision.ALLOW, o.reasons(), null, new ArrayList<>(o.effects()), null, null, null,
        null, null, null, DecisionIds.next(), List.copyOf(o.fired()));
    List<Object> removed = List.copyOf(o.removed()), added = List.copyOf(o.added());
    keep(o);
    publish(settled);
    return new Engine.Result(d, settled, settled, removed, added);
  }

  private void reopen(Catalog source) {
    try {
      if (session != null) session.dispose();
    } catch (RuntimeException ignored) {
      // the session is being replaced; a failure to dispose it changes nothing
    }
    session = null;
    open(source);
  }

  private void publish(Catalog next) {
    Catalog prev = catalog;
    if (prev != null && next != prev && (!next.policy().equals(prev.policy()) || next.rolesListed() != prev.rolesListed()
        || !next.quotas().equals(prev.quotas()))) {
      // a call changed a setting (never done by today's rules): load the new snapshot afresh
      reopen(next);
      return;
    }
    catalog = next;
  }

  private Outcome begin() {
    out = new Outcome(session, false);
    session.setGlobal("out", out);
    inserted.clear();
    recording = true;
    return out;
  }

  /** An applied call: its changes stay, the call and its own facts go. */
  private void keep(Outcome o) {
    recording = false;
    dropCallFacts();
    settle(o);
  }

  /** A denied or dry call: the call and its facts go, and every change it made is undone. */
  private void withdraw(Outcome o) {
    recording = false;
    dropCallFacts();
    undoChanges(o);
    settle(o);
  }

  /** An applied call whose commit refused it: its changes are undone. */
  private void undo(Outcome o) {
    undoChanges(o);
    settle(o);
  }

  private void undoChanges(Outcome o) {
    for (Object added : o.added()) {
      FactHandle h = session.getFactHandle(added);
      if (h != null) session.delete(h);
    }
    for (Object removed : o.removed()) session.insert(removed);
  }

  /**
   * Deletes what was inserted for the call alone: the call, its effects, facts a rule inserted with
   * {@code insert}. Catalog facts are changes (kept or undone by the caller); facts inserted logically
   * go by themselves once what justified them is gone (stack.md pitfall 9: fire again).
   */
  private void dropCallFacts() {
    for (FactHandle h : inserted) {
      InternalFactHandle ih = (InternalFactHandle) h;
      if (!ih.isValid() || CATALOG_TYPES.contains(ih.getObject().getClass()) || subjects.keeps(h)) continue;
      EqualityKey key = ih.getEqualityKey();
      if (key != null && key.getStatus() == EqualityKey.JUSTIFIED) continue;
      session.delete(h);
    }
    inserted.clear();
  }

  /** Fires until logical facts have followed the withdrawal; a rule that acts now is a fault of the rules. */
  private void settle(Outcome finished) {
    settleStage(finished, null);
  }

  private void settleStage(Outcome finished, String stage) {
    Outcome sink = new Outcome(session, false);
    out = sink;
    session.setGlobal("out", sink);
    Engine.fire(session, sink, stage);
    if (!sink.reasons().isEmpty() || !sink.effects().isEmpty() || !sink.added().isEmpty() || !sink.removed().isEmpty()) {
      throw new EngineException("rule \"" + sink.lastRule() + "\" acted while the facts of a call were withdrawn"
          + " (after \"" + finished.lastRule() + "\"); a rule without a stage must follow an Effect or the call");
    }
    if (!inserted.isEmpty()) inserted.clear();
  }

  /** A fault that left the session as it was before the call (a refused commit, a fresh session's fault). */
  private static final class Intact extends RuntimeException {
    Intact(RuntimeException cause) {
      super(cause);
    }
  }

  private static Engine.Result intact(java.util.function.Supplier<Engine.Result> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw new Intact(e);
    }
  }

  /**
   * Every fact in the session but what is kept for callers between calls ({@link Subjects}); tests:
   * nothing else of a finished call may linger.
   */
  List<Object> sessionFacts() {
    return sessionFacts(o -> !subjects.belongsToKept(o));
  }

  /** Launch-path questions this session keeps for their callers (takes no lock). */
  public int keptPathQueries() {
    return subjects.queries();
  }

  /** The callers and path queries kept now, each once (tests: what the kept derivations stand on). */
  List<Object> keptQuestions() {
    return sessionFacts(o -> (o instanceof Caller || o instanceof dev.catalogpolicy.facts.PathQuery)
        && subjects.keeps(session.getFactHandle(o)));
  }

  /** Every fact in the session, kept derivations included. */
  List<Object> allSessionFacts() {
    return sessionFacts(o -> true);
  }

  private List<Object> sessionFacts(java.util.function.Predicate<Object> which) {
    lock.lock();
    try {
      List<Object> l = new ArrayList<>();
      for (Object o : session.getObjects()) if (which.test(o)) l.add(o);
      return l;
    } finally {
      lock.unlock();
    }
  }
}
