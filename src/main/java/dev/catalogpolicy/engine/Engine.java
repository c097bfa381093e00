package dev.catalogpolicy.engine;

import dev.catalogpolicy.catalog.Catalog;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the rules on one call against one catalog. A fresh session gets the catalog's facts and the
 * call; derivations fire first, then the stages in order (semantics R1): {@code exist}, {@code auth},
 * {@code validate} (the first stage that denies decides), then {@code grant}, {@code apply} and
 * {@code sync}. The engine only sequences stages and reads back what the rules recorded.
 */
public final class Engine {
  public static final List<String> DENY_STAGES = List.of("exist", "auth", "validate");
  public static final List<String> ALLOW_STAGES = List.of("grant", "apply", "sync");
  static final int MAX_FIRINGS = 5_000_000;
  static final long MAX_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(
      Long.getLong("catalogpolicy.maxEvaluationSeconds", 30));

  /**
   * The decision, the catalog after it (unchanged on DENY or dry run), the catalog it would give
   * ({@link #wouldBe()}), and the facts the call would remove and add (what a journal records to
   * replay the change).
   */
  public record Result(Decision decision, Catalog catalog, Supplier<Catalog> next, List<Object> removed,
                       List<Object> added) {
    public Result(Decision decision, Catalog catalog, Catalog wouldBe, List<Object> removed, List<Object> added) {
      this(decision, catalog, () -> wouldBe, removed, added);
    }

    public Result(Decision decision, Catalog catalog, Catalog wouldBe) {
      this(decision, catalog, wouldBe, List.of(), List.of());
    }

    /**
     * A dry run's result, whose catalog-it-would-give is worked out only when asked for (ExplainImpact
     * does; a dry run answered over HTTP does not): applying thousands of removed facts to the
     * snapshot was a fifth of a large dry run.
     */
    static Result dryRun(Decision decision, Catalog before, List<Object> removed, List<Object> added) {
      Catalog[] memo = new Catalog[1];
      Supplier<Catalog> next = () -> {
        synchronized (memo) {
          if (memo[0] == null) memo[0] = before.apply(removed, added);
          return memo[0];
        }
      };
      return new Result(decision, before, next, removed, added);
    }

    /** The same result with {@code d} for its decision. */
    public Result with(Decision d) {
      return new Result(d, catalog, next, removed, added);
    }

    /** The catalog the call gives, or would give were it applied. */
    public Catalog wouldBe() {
      return next.get();
    }

    /** True when applying the call changes the catalog. */
    public boolean changes() {
      return !removed.isEmpty() || !added.isEmpty();
    }
  }

  private Engine() {}

  public static Result evaluate(RuleSet rules, Catalog catalog, Call call) {
    if (call.explained() != null) return explain(rules, catalog, call.explained());
    KieSession session = rules.kieBase().newKieSession();
    try {
      Outcome out = open(session, catalog, call.explain());
      session.insert(call);
      Decision d = decide(session, out);
      if (!d.allowed()) return new Result(d, catalog, catalog);
      List<Object> removed = List.copyOf(out.removed()), added = List.copyOf(out.added());
      if (call.isDryRun()) return Result.dryRun(d, catalog, removed, added);
      Catalog after = catalog.apply(removed, added);
      return new Result(d, after, after, removed, added);
    } finally {
      session.dispose();
    }
  }

  /**
   * Fires the derivations, then the stages in order (semantics R1) on a session holding a call: the
   * DENY of the first stage that denies (every refusing rule of that stage), else the ALLOW after the
   * grant, apply and sync stages.
   */
  static Decision decide(KieSession session, Outcome out) {
    fire(session, out, null);
    for (String stage : DENY_STAGES) {
      fire(session, out, stage);
      if (out.denied()) {
        List<Reason> reasons = out.reasons().stream().filter(r -> r.deny() && r.stage().equals(stage)).toList();
        String error = ReasonCodes.get(reasons.get(0).code()).awsError();
        return new Decision(Decision.DENY, reasons, error, List.of(), out.answer().launch(), null, null, null,
            null, null, DecisionIds.next(), List.copyOf(out.fired()));
      }
    }
    for (String stage : ALLOW_STAGES) fire(session, out, stage);
    if (out.denied()) throw new EngineException("a rule denied after validation (in stage "
        + out.reasons().stream().filter(Reason::deny).findFirst().map(Reason::stage).orElse("?")
        + "); denials belong in exist, auth or validate");
    Answer a = out.answer();
    return new Decision(Decision.ALLOW, out.reasons(), null, new ArrayList<>(out.effects()), a.launch(),
        a.paths(), a.productList(), a.constraints().isEmpty() ? null : a.constraints(), a.findingList(), null,
        DecisionIds.next(), List.copyOf(out.fired()));
  }

  /** ExplainImpact (E1): the decision of a call and everything it would change ({@link Impact}), applied to nothing. */
  private static Result explain(RuleSet rules, Catalog catalog, Call inner) {
    return impact(rules, evaluate(rules, catalog, inner.asDryRun()), inner, catalog);
  }

  /** The ExplainImpact result of {@code r}, the dry run of {@code inner} on {@code catalog}. */
  static Result impact(RuleSet rules, Result r, Call inner, Catalog catalog) {
    Decision d = r.decision();
    return new Result(d.withImpact(Impact.of(rules, catalog, inner, r)), catalog, catalog);
  }

  /**
   * Brings a loaded catalog in line with the rules of the {@code sync} stage (e.g. organization
   * imports implied by shares, R3). Returns the catalog and the effects that made it.
   */
  public static Result settle(RuleSet rules, Catalog catalog) {
    KieSession session = rules.kieBase().newKieSession();
    try {
      Outcome out = open(session, catalog, false);
      fireLoaded(session, out);
      Catalog after = catalog.apply(out.removed(), out.added());
      Decision d = new Decision(Decision.ALLOW, out.reasons(), null, new ArrayList<>(out.effects()), null, null, null,
          null, null, null, DecisionIds.next(), List.copyOf(out.fired()));
      return new Result(d, after, after, List.copyOf(out.removed()), List.copyOf(out.added()));
    } finally {
      session.dispose();
    }
  }

  static Outcome open(KieSession session, Catalog catalog, boolean explain) {
    Outcome out = new Outcome(session, explain);
    session.setGlobal("out", out);
    session.addEventListener(new DefaultAgendaEventListener() {
      @Override
      public void beforeMatchFired(BeforeMatchFiredEvent event) {
        out.firing(event.getMatch().getRule().getName(), event.getMatch().getObjects());
        if (out.overdue(MAX_NANOS)) session.halt();
      }
    });
    catalog.allFacts().forEach(session::insert);
    if (explain) {
      session.addEventListener(new org.kie.api.event.rule.DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent event) {
          if (event.getRule() != null) out.inserted(event.getObject());
        }
      });
    }
    return out;
  }

  /** What loading fires on the facts in the session: the derivations, then the sync stage. */
  static void fireLoaded(KieSession session, Outcome out) {
    fire(session, out, null);
    fire(session, out, "sync");
  }

  static void fire(KieSession session, Outcome out, String stage) {
    if (stage != null) {
      out.stage(stage);
      session.getAgenda().getAgendaGroup(stage).setFocus();
    } else {
      out.stage("derive");
    }
    Watchdog.Slot watched = Watchdog.watch(session, out);
    int n;
    try {
      n = session.fireAllRules(MAX_FIRINGS);
    } finally {
      watched.done();
    }
    if (out.stopped()) {
      throw new EngineException("the rules did not return within " + TimeUnit.NANOSECONDS.toSeconds(Watchdog.limitNanos)
          + " s in stage " + out.stage() + " (" + n + " firings) and were stopped; the session they ran in is not used again");
    }
    if (n >= MAX_FIRINGS || out.overdue(MAX_NANOS)) {
      throw new EngineException("rules did not settle in stage " + stage + " (" + n + " firings); the last rule fired was \""
          + out.lastRule() + "\": does its consequence re-create what it matches?");
    }
  }
}
