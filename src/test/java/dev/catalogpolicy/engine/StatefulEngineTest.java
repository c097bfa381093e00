package dev.catalogpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.Decisions;
import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.scenario.Scenario;
import dev.catalogpolicy.scenario.ScenarioFiles;
import dev.catalogpolicy.scenario.Step;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fixture through the long-lived engine and through today's fresh-session engine, step by step:
 * the same decision (reasons, error, effects, launch block, paths, products, constraints, findings,
 * impact; decisionId aside; lists compared as multisets, see {@link #json}), the same facts after
 * each step, the fixture's own expectations met, and a session that holds exactly the catalog's
 * facts and what they alone derive (nothing of a finished call lingers; dry runs, ExplainImpact and
 * denials leave no trace). A read replica ({@link StatefulEngine#apply}, as {@link EnginePool} keeps
 * one) follows along: it decides the dry run of every step as the fresh engine decides the step, takes
 * each applied change, and then holds the same snapshot and the same session facts as the live engine.
 */
class StatefulEngineTest {
  @TestFactory
  Stream<DynamicNode> everyFixtureDecidesAsTheFreshEngine() throws Exception {
    return TestRules.perFixture(f -> compare(f));
  }

  private static void compare(Path file) throws Exception {
    RuleSet rules = TestRules.get();
    Scenario scenario = ScenarioFiles.read(file);
    Engine.Result settled = Engine.settle(rules, scenario.catalog());
    try (StatefulEngine live = new StatefulEngine(rules, scenario.catalog());
         StatefulEngine replica = new StatefulEngine(rules, live.catalog());
         StatefulEngine forgetful = new StatefulEngine(rules, live.catalog(), 1)) {
      assertEquals(json(settled.decision()), json(live.loaded().decision()), file + ": loading");
      Catalog today = settled.catalog();
      assertSameFacts(today, live.catalog(), file + ": after loading");
      assertSessionHoldsCatalog(rules, live, file + ": after loading");
      for (Step step : scenario.steps()) {
        String where = file + ":" + step.line() + " step " + step.id() + " (" + step.call().getName() + ")";
        Engine.Result expected = Engine.evaluate(rules, today, step.call());
        Call dry = step.call().explained() != null ? step.call() : step.call().asDryRun();
        assertEquals(json(expected.decision()), json(replica.evaluate(dry).decision()), where + ": dry run on the replica");
        assertEquals(json(expected.decision()), json(forgetful.evaluate(dry).decision()),
            where + ": dry run on an engine that keeps one caller's paths");
        Catalog liveBefore = live.catalog();
        Engine.Result actual = live.evaluate(step.call());
        assertEquals(json(expected.decision()), json(actual.decision()), where + ": decision");
        if (step.expect() != null) {
          List<String> misses = step.expect().mismatches(actual.decision());
          assertTrue(misses.isEmpty(), where + ": " + misses);
        }
        assertSameFacts(expected.catalog(), actual.catalog(), where + ": catalog after");
        assertSameFacts(expected.wouldBe(), actual.wouldBe(), where + ": catalog it would give");
        assertSame(actual.catalog(), live.catalog(), where + ": published snapshot");
        assertSessionHoldsCatalog(rules, live, where);
        if (actual.catalog() != liveBefore) {
          replica.apply(actual);
          forgetful.apply(actual);
        }
        assertSame(live.catalog(), replica.catalog(), where + ": the replica's snapshot");
        assertSessionHoldsCatalog(rules, replica, where + " (replica)");
        assertSessionHoldsCatalog(rules, forgetful, where + " (keeping one caller)");
        today = expected.catalog();
      }
    }
  }

  /** A decision compared across engines: {@link Decisions#json}. */
  static JsonNode json(Decision d) {
    return Decisions.json(d);
  }

  /** The same settings and facts, in any order. */
  private static void assertSameFacts(Catalog expected, Catalog actual, String where) {
    assertEquals(expected.policy(), actual.policy(), where);
    assertEquals(expected.quotas(), actual.quotas(), where);
    assertEquals(expected.rolesListed(), actual.rolesListed(), where);
    assertEquals(counts(expected.allFacts().toList()), counts(actual.allFacts().toList()), where);
  }

  /**
   * The session holds the snapshot's facts and what a fresh session derives from them, nothing else;
   * and with the callers and path queries the engine keeps between calls, exactly what a fresh session
   * derives from the snapshot and those questions (the kept launch paths are current, none stale).
   */
  static void assertSessionHoldsCatalog(RuleSet rules, StatefulEngine live, String where) {
    assertEquals(counts(derived(rules, live.catalog(), List.of())), counts(live.sessionFacts()), where + ": session facts");
    List<Object> kept = live.keptQuestions();
    assertEquals(counts(derived(rules, live.catalog(), kept)), counts(live.allSessionFacts()),
        where + ": session facts with the kept derivations of " + kept.size() + " callers and questions");
  }

  private static List<Object> derived(RuleSet rules, Catalog catalog, List<Object> questions) {
    KieSession fresh = rules.kieBase().newKieSession();
    try {
      Outcome out = new Outcome(fresh, false);
      fresh.setGlobal("out", out);
      catalog.allFacts().forEach(fresh::insert);
      questions.forEach(fresh::insert);
      Engine.fire(fresh, out, null);
      assertTrue(out.effects().isEmpty() && out.added().isEmpty() && out.removed().isEmpty());
      return new ArrayList<>(fresh.getObjects());
    } finally {
      fresh.dispose();
    }
  }

  private static Map<Object, Integer> counts(List<Object> facts) {
    Map<Object, Integer> m = new HashMap<>();
    for (Object f : facts) m.merge(f instanceof Call ? "Call " + f : f, 1, Integer::sum);
    return m;
  }
}
