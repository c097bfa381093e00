package dev.catalogpolicy.engine;

import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The global {@code out} of every rule file: what rules say about the call in hand. Rules deny and
 * allow with reason codes, change the catalog (each change is also inserted as an {@link Effect}
 * fact so that propagation rules can follow it), and fill the answer of a query or launch.
 * Nothing here decides anything; it records what the rules decided, in firing order.
 */
public final class Outcome {
  private final KieSession session;
  private final List<Reason> reasons = new ArrayList<>();
  private final List<Effect> effects = new ArrayList<>();
  private final AddedFacts added = new AddedFacts();
  private final List<Object> removed = new ArrayList<>();
  private final Set<String> fired = new LinkedHashSet<>();
  private final Answer answer = new Answer();
  private String stage = "derive";
  private String rule = "";
  private List<Object> matched = List.of();
  private final boolean explain;
  private final Explanation explanation = new Explanation();
  private final long started = System.nanoTime();
  private long firings;
  private boolean overdue;
  private volatile boolean stopped;

  Outcome(KieSession session, boolean explain) {
    this.session = session;
    this.explain = explain;
  }

  void stage(String stage) { this.stage = stage; }
  void firing(String ruleName, List<?> facts) {
    this.rule = ruleName;
    firings++;
    if (explain) this.matched = facts.stream().filter(f -> !(f instanceof Call)).map(f -> (Object) f).toList();
    fired.add(ruleName);
  }
  String stage() { return stage; }

  /** A fact inserted while a rule fires: remember the rule and what it matched (explanations only). */
  void inserted(Object fact) {
    if (explain && !rule.isEmpty() && !(fact instanceof Effect)) explanation.derived(fact, rule, matched);
  }

  /** How long ago this evaluation began. */
  long age() {
    return System.nanoTime() - started;
  }

  /** Stopped by the {@link Watchdog}: its session was halted. */
  void stop() {
    stopped = true;
  }

  boolean stopped() {
    return stopped;
  }

  /** True once the evaluation has run longer than {@code nanos} (checked every 4096 firings), or was stopped. */
  boolean overdue(long nanos) {
    if (stopped) return true;
    if (!overdue && (firings & 4095) == 0 && System.nanoTime() - started > nanos) overdue = true;
    return overdue;
  }

  String lastRule() {
    return rule;
  }

  // ---- decisions -------------------------------------------------------------------------------

  public void deny(String code, String message) {
    ReasonCodes.Code c = ReasonCodes.get(code);
    if (!"DENY".equals(c.outcome())) throw new IllegalStateException(rule + ": " + code + " is not a DENY code");
    reasons.add(new Reason(code, rule, message, stage, true, explain ? explanation.render(matched) : null));
  }

  public void allow(String code, String message) {
    ReasonCodes.Code c = ReasonCodes.get(code);
    if (!"ALLOW".equals(c.outcome())) throw new IllegalStateException(rule + ": " + code + " is not an ALLOW code");
    reasons.add(new Reason(code, rule, message, stage, false, explain ? explanation.render(matched) : null));
  }

  // ---- changes to the catalog -------------------------------------------------------------------

  public void add(String kind, Object fact) {
    session.insert(fact);
    added.add(fact);
    record(Effect.of(kind, Effect.ADD, fact, rule));
  }

  public void remove(String kind, Object fact) {
    var handle = session.getFactHandle(fact);
    if (handle == null) return; // already gone through another path of the same change
    session.delete(handle);
    if (!added.remove(fact)) removed.add(fact);
    record(Effect.of(kind, Effect.REMOVE, fact, rule));
  }

  /** Replaces {@code old} with {@code updated}: one effect of kind {@code kind}. */
  public void replace(String kind, Object old, Object updated) {
    var handle = session.getFactHandle(old);
    if (handle == null || old.equals(updated)) return; // nothing changes: no effect, and no new match
    session.delete(handle);
    if (!added.remove(old)) removed.add(old);
    session.insert(updated);
    added.add(updated);
    record(Effect.of(kind, Effect.UPDATE, updated, rule));
  }

  /** Bookkeeping the catalog keeps (e.g. removal history) that is not itself a change to report. */
  public void remember(Object fact) {
    session.insert(fact);
    added.add(fact);
  }

  public void forget(Object fact) {
    var handle = session.getFactHandle(fact);
    if (handle == null) return;
    session.delete(handle);
    if (!added.remove(fact)) removed.add(fact);
  }

  /** A consequence shown for information (no catalog change of its own). */
  public void note(String kind, String account, String portfolio, String product, String detail) {
    record(Effect.note(kind, account, portfolio, product, detail, rule));
  }

  private void record(Effect e) {
    effects.add(e);
    session.insert(e);
  }

  // ---- answers ---------------------------------------------------------------------------------

  public Answer answer() { return answer; }

  // ---- read back by the engine -----------------------------------------------------------------

  List<Reason> reasons() { return Collections.unmodifiableList(reasons); }
  List<Effect> effects() { return Collections.unmodifiableList(effects); }
  List<Object> added() { return added.list(); }
  List<Object> removed() { return Collections.unmodifiableList(removed); }
  Set<String> fired() { return Collections.unmodifiableSet(fired); }

  boolean denied() {
    return reasons.stream().anyMatch(Reason::deny);
  }
}
