package dev.catalogpolicy.engine;

import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.scenario.CallParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session that evaluates its call for longer than the limit without firing any rule (no firing ever
 * reaches the limit's own check) is halted by the {@link Watchdog}: the call fails with a message that
 * says so, the engine rebuilds its session, and the next call is decided as before.
 */
public class WatchdogTest {
  private static volatile boolean slow;
  private final long limit = Watchdog.limitNanos;

  /** Called from the rule's condition: evaluating the network takes 2.5 s while {@code slow} is set. */
  public static boolean slowly() throws InterruptedException {
    if (slow) Thread.sleep(2500);
    return false;
  }

  @AfterEach
  void restore() {
    Watchdog.limitNanos = limit;
    slow = false;
  }

  @Test
  void anEvaluationThatDoesNotReturnIsStoppedAndTheSessionRebuilt() throws Exception {
    Map<String, String> sources = new LinkedHashMap<>(TestRules.get().sources());
    sources.put("slow.drl", """
        package catalogpolicy;
        import dev.catalogpolicy.engine.Call;
        global dev.catalogpolicy.engine.Outcome out;
        rule "T1 a condition that takes long" agenda-group "validate"
        when
          Call(name == "CreatePortfolio")
          eval(dev.catalogpolicy.engine.WatchdogTest.slowly())
        then
        end
        """);
    RuleSet rules = RuleCompiler.compile(sources);
    Catalog demo = CatalogJson.read(Files.readString(Path.of("fixtures/demo/catalog.json")));
    Call create = CallParser.parse(Json.parse("{\"call\":\"CreatePortfolio\",\"dryRun\":true,\"caller\":{\"account\":"
        + "\"111111111111\",\"region\":\"us-east-1\"},\"input\":{\"Id\":\"port-w\",\"DisplayName\":\"w\"}}"), "$");
    try (StatefulEngine engine = new StatefulEngine(rules, demo)) {
      assertEquals(Decision.ALLOW, engine.evaluate(create).decision().decision());
      Watchdog.limitNanos = TimeUnit.MILLISECONDS.toNanos(300);
      slow = true;
      long t0 = System.nanoTime();
      EngineException e = assertThrows(EngineException.class, () -> engine.evaluate(create));
      assertTrue(e.getMessage().contains("did not return") && e.getMessage().contains("stage validate"), e.getMessage());
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "stopped, not left running");
      slow = false;
      Watchdog.limitNanos = limit;
      assertEquals(Decision.ALLOW, engine.evaluate(create).decision().decision(), "the rebuilt session decides again");
    }
  }
}
