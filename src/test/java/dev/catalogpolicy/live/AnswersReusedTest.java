package dev.catalogpolicy.live;

import dev.catalogpolicy.Decisions;
import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.scenario.Scenario;
import dev.catalogpolicy.scenario.ScenarioFiles;
import dev.catalogpolicy.scenario.Step;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questions answered again from {@link Answers}: a dry run or query asked twice of the same state is
 * answered the second time without deciding it, with the same decision and a decision id of its own;
 * after any applied change or rules reload it is decided again, and then decides as a fresh engine does
 * on the catalog and rules of that moment. Every fixture: each step asked as a dry run before it is
 * made, twice; then made; then asked again; at the end the rules are reloaded in place with one denial's
 * message changed and every step asked again.
 */
class AnswersReusedTest {
  @TestFactory
  Stream<DynamicNode> everyFixtureStepIsReusedOnlyUnderTheStateItWasDecidedIn() throws Exception {
    return TestRules.perFixture(AnswersReusedTest::check);
  }

  private static void check(Path file) throws Exception {
    Scenario scenario = ScenarioFiles.read(file);
    Path dir = Files.createTempDirectory("answers");
    RuleSet rules = TestRules.get();
    try (LiveCatalog live = LiveCatalog.open(dir, rules, file.toString(), scenario::catalog, Integer.MAX_VALUE)) {
      Asked asked = new Asked(live);
      for (Step step : scenario.steps()) {
        String where = file + ":" + step.line() + " step " + step.id() + " (" + step.call().getName() + ")";
        Call dry = step.call().explained() != null ? step.call() : step.call().asDryRun();
        LiveCatalog.Decided first = asked.check(dry, rules, where + ": before it is made");
        long reused = live.answersReused();
        LiveCatalog.Decided second = live.decide(dry);
        assertEquals(reused, live.answersReused(), where + ": asked a second time, decided again (then kept)");
        assertEquals(Decisions.json(first.result().decision()), Decisions.json(second.result().decision()), where);
        LiveCatalog.Decided again = live.decide(dry);
        if (reusable(dry, first.result().decision())) {
          assertEquals(reused + 1, live.answersReused(), where + ": asked again, answered from the answers kept");
          assertEquals(Decisions.json(first.result().decision()), Decisions.json(again.result().decision()), where);
          assertNotEquals(first.result().decision().decisionId(), again.result().decision().decisionId(),
              where + ": an answer again has a decision id of its own");
          assertSame(first.state(), again.state(), where);
        } else {
          assertEquals(reused, live.answersReused(), where + ": never kept");
        }
        long version = live.state().version();
        live.submit(step.call());
        if (live.state().version() != version) asked.check(dry, rules, where + ": after it was made");
      }
      LiveCatalog.State before = live.state();
      assertEquals(TestRules.messageEdited().hash(), live.reload(TestRules.messageEdited()).rules().hash(), file + ": reloaded");
      assertSame(before.catalog(), live.state().catalog(), file + ": the edit changes no catalog fact");
      for (Step step : scenario.steps()) {
        Call dry = step.call().explained() != null ? step.call() : step.call().asDryRun();
        asked.check(dry, TestRules.messageEdited(), file + ":" + step.line() + " step " + step.id() + ": after the rules reload");
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** The questions asked under the state published now. */
  private static final class Asked {
    private final LiveCatalog live;
    private LiveCatalog.State state;
    private final Set<Object> questions = new HashSet<>();

    Asked(LiveCatalog live) {
      this.live = live;
    }

    /**
     * Asks {@code dry}, which must decide as a fresh engine decides it now, and be decided rather than
     * answered again unless it was asked under this state already.
     */
    LiveCatalog.Decided check(Call dry, RuleSet rules, String where) {
      if (live.state() != state) {
        state = live.state();
        questions.clear();
      }
      long reused = live.answersReused();
      LiveCatalog.Decided d = live.decide(dry);
      if (questions.add(dry.question())) {
        assertEquals(reused, live.answersReused(), where + ": decided, not answered from an earlier state");
      }
      Engine.Result expected = Engine.evaluate(rules, live.state().catalog(), dry);
      assertEquals(Decisions.json(expected.decision()), Decisions.json(d.result().decision()), where);
      return d;
    }
  }

  private static boolean reusable(Call dry, Decision d) {
    return dry.explained() == null && !dry.explain() && d.error() == null
        && Answers.weight(d) <= Answers.DEFAULT_CAPACITY / 16;
  }

  @Test
  void answersAreBoundedAndTheRecentlyAskedStay(@TempDir Path dir) throws Exception {
    Answers a = new Answers(null, 160); // weight 160 a generation: at most 10 units of weight an answer
    Engine.Result light = result(List.of());
    for (int i = 0; i < 1000; i++) {
      decidedTwice(a, "q" + i, light);
      a.get("q0"); // asked all along: it stays
    }
    assertTrue(a.size() <= 2 * 160, "held: " + a.size());
    assertSame(light, a.get("q0"));
    assertSame(light, a.get("q999"));
    assertEquals(null, a.get("q1"), "asked once, long ago: gone");
    Engine.Result heavy = result(java.util.Collections.nCopies(10, null));
    decidedTwice(a, "heavy", heavy);
    assertEquals(null, a.get("heavy"), "heavier than a sixteenth of the capacity: not kept");
    Answers none = new Answers(null, 0);
    decidedTwice(none, "q", light);
    assertFalse(none.size() > 0, "capacity 0 keeps nothing");
  }

  private static void decidedTwice(Answers a, String question, Engine.Result r) {
    a.put(question, r);
    a.put(question, r);
  }

  @Test
  void anAnswerIsKeptFromItsSecondDecisionAndQuestionsAskedOnceKeepNothing() {
    Answers a = new Answers(null, 160);
    Engine.Result light = result(List.of());
    assertFalse(a.put("repeated", light), "decided once: remembered, not kept");
    assertEquals(null, a.get("repeated"));
    assertTrue(a.put("repeated", light), "decided a second time: kept");
    assertSame(light, a.get("repeated"));
    for (int i = 0; i < 10_000; i++) assertFalse(a.put("once-" + i, light), "once-" + i);
    assertEquals(1, a.size(), "questions asked once each keep nothing");
    assertSame(light, a.get("repeated"), "and push nothing out");
  }

  private static Engine.Result result(List<dev.catalogpolicy.engine.Effect> effects) {
    Decision d = new Decision(Decision.ALLOW, List.of(), null, effects, null, null, null, null, null, null, "id", List.of());
    return new Engine.Result(d, null, (dev.catalogpolicy.catalog.Catalog) null);
  }
}
