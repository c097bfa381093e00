package dev.catalogpolicy.engine;

import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.scenario.Scenario;
import dev.catalogpolicy.scenario.ScenarioFiles;
import dev.catalogpolicy.scenario.Step;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules updated in place ({@link EnginePool#updateRules}): every session of the pool, the primary and a
 * read replica, then holds exactly what a new session would under the new rules (the snapshot's facts,
 * their derivations, and those of the questions kept for callers), and decides every fixture step as a
 * fresh engine does. Each fixture is loaded under the repository's rules, asked every step as a dry run
 * (so callers' launch paths are kept), then updated to a variant without one stage's rules of one
 * file, decided step by step, and updated back. A change that may not be made in place
 * ({@link RuleDiff}) is refused and the old rules keep serving.
 */
class RulesInPlaceTest {
  /** The repository's rules without every rule of one stage in one file. */
  private static final Map<String, RuleSet> VARIANTS = new LinkedHashMap<>();

  private static synchronized RuleSet without(String file, String stage) {
    return VARIANTS.computeIfAbsent(file + " " + stage, k -> {
      RuleSet full = TestRules.get();
      Set<String> drop = Set.copyOf(full.rules().stream().filter(r -> r.file().equals(file) && r.stage().equals(stage))
          .map(RuleInfo::name).toList());
      assertTrue(drop.size() > 3, file + ": " + stage + " rules to drop");
      Map<String, String> sources = new LinkedHashMap<>(full.sources());
      String text = sources.get(file);
      for (var rule : RuleDiff.ruleTexts(text).entrySet()) if (drop.contains(rule.getKey())) text = text.replace(rule.getValue(), "");
      sources.put(file, text);
      try {
        return RuleCompiler.compile(sources);
      } catch (RuleCompileException e) {
        throw new AssertionError(file + " without its " + stage + " rules does not compile: " + e.getMessage(), e);
      }
    });
  }

  /** An edit a policy author makes: one denial's message. */
  @TestFactory
  Stream<DynamicNode> aDenialsMessageChangedInPlace() throws Exception {
    RuleSet edited = TestRules.messageEdited();
    return corpus(() -> edited, 2, 1.0);
  }

  /** Every launch validation gone, and back. */
  @TestFactory
  Stream<DynamicNode> launchValidationsRemovedAndAddedInPlace() throws Exception {
    return corpus(() -> without("launch.drl", "validate"), 4, 0.5);
  }

  /** Every authorization check of the administration calls gone, and back. */
  @TestFactory
  Stream<DynamicNode> administrationChecksRemovedAndAddedInPlace() throws Exception {
    return corpus(() -> without("administration.drl", "auth"), 4, 0.5);
  }

  private interface Variant {
    RuleSet get() throws Exception;
  }

  /**
   * Every {@code stride}th fixture, then a count. Drools' incremental update threw on the way when it
   * removed many rules at once (a NullPointerException on tuples staged in the session) until the pool
   * emptied the stages' queues first ({@link StatefulEngine#emptyStages}); should it fail, the pool
   * loads the old rules afresh and says no, which each fixture checks too. At least {@code share}
   * of the updates must happen in place.
   */
  private static Stream<DynamicNode> corpus(Variant variant, int stride, double share) throws Exception {
    AtomicInteger inPlace = new AtomicInteger(), tried = new AtomicInteger();
    List<Path> files = ScenarioFiles.find(List.of(TestRules.FIXTURES));
    Stream<DynamicNode> each = IntStream.range(0, files.size()).filter(i -> i % stride == 0).mapToObj(files::get)
        .map(f -> DynamicTest.dynamicTest(TestRules.FIXTURES.relativize(f).toString(), () -> {
          tried.addAndGet(2);
          inPlace.addAndGet(update(f.toString(), ScenarioFiles.read(f), TestRules.get(), variant.get()));
        }));
    return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("updates in place", () -> {
      System.out.println("RulesInPlaceTest: " + inPlace + " of " + tried + " updates in place");
      assertTrue(tried.get() > 0 && inPlace.get() >= tried.get() * share, inPlace + " of " + tried + " updates in place");
    })));
  }

  /**
   * Loads the fixture's catalog under {@code from}, asks every step as a dry run (so callers' paths are
   * kept), updates to {@code to} and checks every session, decides the steps under {@code to}, and
   * updates back. Returns how many of the two updates happened in place.
   */
  private static int update(String where, Scenario scenario, RuleSet from, RuleSet to) throws Exception {
    try (EnginePool pool = new EnginePool(from, scenario.catalog(), 1)) {
      pool.awaitReplicas(60, TimeUnit.SECONDS);
      assertEquals(2, pool.readers(), where + ": a primary and a replica");
      for (Step step : scenario.steps()) {
        try {
          pool.read(step.call().explained() != null ? step.call() : step.call().asDryRun());
        } catch (EngineException ignored) {
          // a call some variant cannot decide (its engine is rebuilt): what is kept is what matters here
        }
      }
      Catalog before = pool.catalog();
      int kept = pool.keptPathQueries();
      boolean keeps = scenario.steps().stream().anyMatch(RulesInPlaceTest::asksPaths)
          && scenario.steps().stream().noneMatch(s -> s.call().getName().equals("ExplainImpact")); // it lets callers go
      assertTrue(kept > 0 || !keeps, where + ": questions kept");
      boolean[] published = {false};
      if (!pool.updateRules(to, () -> published[0] = true)) {
        refused(where, pool, from, before, published[0]);
        return 0;
      }
      assertTrue(published[0], where + ": published");
      assertSame(before, pool.catalog(), where + ": the snapshot stays");
      assertSame(to, pool.rules(), where + ": the rules the pool decides with");
      assertEquals(kept, pool.keptPathQueries(), where + ": the questions kept for callers stay");
      for (int i = 0; i < pool.readers(); i++) {
        StatefulEngineTest.assertSessionHoldsCatalog(to, pool.engine(i), where + ", engine " + i);
      }
      Catalog today = pool.catalog();
      for (Step step : scenario.steps()) {
        String at = where + ":" + step.line() + " step " + step.id();
        Engine.Result expected = Engine.evaluate(to, today, step.call());
        Engine.Result actual = pool.evaluate(step.call(), null);
        assertEquals(StatefulEngineTest.json(expected.decision()), StatefulEngineTest.json(actual.decision()), at);
        today = expected.catalog();
      }
      for (int i = 0; i < pool.readers(); i++) {
        StatefulEngineTest.assertSessionHoldsCatalog(to, pool.engine(i), where + " after the steps, engine " + i);
      }
      // and back: the sessions follow again, and the rule base of the rules left is as compiled
      Catalog after = pool.catalog();
      published[0] = false;
      if (!pool.updateRules(from, () -> published[0] = true)) {
        refused(where + " and back", pool, to, after, published[0]);
        return 1;
      }
      for (int i = 0; i < pool.readers(); i++) {
        StatefulEngineTest.assertSessionHoldsCatalog(from, pool.engine(i), where + " and back, engine " + i);
      }
      try (StatefulEngine fresh = new StatefulEngine(to, pool.catalog())) {
        StatefulEngineTest.assertSessionHoldsCatalog(to, fresh, where + " and back, a new session on the rules left");
      }
      return 2;
    }
  }

  /** A refused update: nothing published, the old rules on every session, loaded afresh or untouched. */
  private static void refused(String where, EnginePool pool, RuleSet old, Catalog before, boolean published) {
    assertFalse(published, where + ": refused, nothing published");
    assertSame(old, pool.rules(), where + ": refused, the old rules serve");
    assertSame(before, pool.catalog(), where + ": refused, the snapshot stays");
    for (int i = 0; i < pool.readers(); i++) {
      StatefulEngineTest.assertSessionHoldsCatalog(old, pool.engine(i), where + ": refused, engine " + i);
    }
  }

  private static boolean asksPaths(Step s) {
    return Set.of("ProvisionProduct", "ListLaunchPaths", "DescribeProvisioningParameters").contains(s.call().getName());
  }

  @Test
  void onlyCallStageRulesChangeInPlace() throws Exception {
    RuleSet full = TestRules.get();
    // a derivation: loaded afresh
    RuleSet changed = TestRules.edit(full, "launch.drl", t -> t.contains("insert($s);"), t -> t.replace("insert($s);", "insert($s); "));
    String why = RuleDiff.whyNotInPlace(full, changed);
    assertNotNull(why);
    assertTrue(why.contains("R6 a call's caller is a subject"), why);
    // a denial's message: in place
    RuleSet message = TestRules.edit(full, "launch.drl", t -> t.contains("No launch paths found"),
        t -> t.replace("No launch paths found", "No launch path found"));
    assertNull(RuleDiff.whyNotInPlace(full, message));
    // a function or a declared type changes what every rule may mean: loaded afresh
    RuleSet declared = TestRules.edit(full, "launch.drl", t -> true, t -> t + "\ndeclare Marker\n  id : String\nend\n");
    assertNotNull(RuleDiff.whyNotInPlace(full, declared));

    Catalog demo = CatalogJson.read(Files.readString(TestRules.FIXTURES.resolve("demo/catalog.json")));
    try (EnginePool pool = new EnginePool(full, demo, 0)) {
      assertFalse(pool.updateRules(changed, () -> { throw new AssertionError("not in place"); }));
      assertSame(full, pool.rules(), "the old rules keep serving");
      StatefulEngineTest.assertSessionHoldsCatalog(full, pool.engine(0), "refused");
      assertTrue(pool.updateRules(message, () -> { }));
      assertSame(message, pool.rules());
      StatefulEngineTest.assertSessionHoldsCatalog(message, pool.engine(0), "in place");
    }
  }
}
