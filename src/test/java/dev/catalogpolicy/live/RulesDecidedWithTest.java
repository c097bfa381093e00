package dev.catalogpolicy.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Reason;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.scenario.Scenario;
import dev.catalogpolicy.scenario.ScenarioFiles;
import dev.catalogpolicy.scenario.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A dry run decided while the rules are reloaded reports the state whose rules decided it: the decision
 * log's rulesHash of a call is that of the rules that gave its answer, never of the rules before or after.
 */
class RulesDecidedWithTest {
  @Test
  void aDryRunRacingReloadsInPlaceNamesTheRulesThatDecidedIt(@TempDir Path dir) throws Exception {
    RuleSet original = TestRules.get();
    RuleSet edited = TestRules.messageEdited();
    Scenario scenario = ScenarioFiles.read(TestRules.FIXTURES.resolve("launch/several-paths-need-a-granted-path-id.json"));
    Step step = scenario.steps().stream().filter(s -> s.id().equals("no-path-id-with-two-paths")).findFirst().orElseThrow();
    Call launch = step.call(); // denied PATH_REQUIRED on the scenario's first catalog, whose message the edit changes
    ExecutorService askers = Executors.newFixedThreadPool(2);
    AtomicBoolean reloading = new AtomicBoolean(true);
    try (LiveCatalog live = LiveCatalog.open(dir, original, "fixture", scenario::catalog, Integer.MAX_VALUE)) {
      List<Future<List<String>>> asked = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int asker = t;
        asked.add(askers.submit(() -> {
          List<String> wrong = new ArrayList<>();
          for (int i = 0; reloading.get() || i < 10; i++) {
            ObjectNode input = launch.input();
            input.put("ProvisionedProductName", "race-" + asker + "-" + i); // a new question: decided, never answered again
            LiveCatalog.Decided d = live.decide(new Call(launch.getName(), launch.getCaller(), input, true));
            String message = d.result().decision().reasons().stream().filter(Reason::deny).map(Reason::message)
                .findFirst().orElseThrow(() -> new AssertionError("not denied: " + d.result().decision()));
            boolean editedAnswer = message.contains(TestRules.MESSAGE_AFTER);
            boolean editedState = d.state().rules().hash().equals(edited.hash());
            if (editedAnswer != editedState) {
              wrong.add("answer of the " + (editedAnswer ? "edited" : "original") + " rules reported under the "
                  + (editedState ? "edited" : "original") + " rules' state");
            }
          }
          return wrong;
        }));
      }
      for (int r = 0; r < 60; r++) live.reload(r % 2 == 0 ? edited : original);
      reloading.set(false);
      List<String> wrong = new ArrayList<>();
      for (Future<List<String>> f : asked) wrong.addAll(f.get(60, TimeUnit.SECONDS));
      assertEquals(0, wrong.size(), wrong.size() + " dry runs named other rules than those that decided them, e.g. "
          + wrong.subList(0, Math.min(3, wrong.size())));
      assertEquals(original.hash(), live.state().rules().hash(), "60 reloads end on the original rules");
    } finally {
      askers.shutdownNow();
    }
  }
}
