package dev.catalogpolicy.engine;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.Portfolio;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The engine's mechanics on small inline rules: stage order, applying changes, dry runs. */
class EngineTest {
  private static final String RULES = """
      package t;
      import dev.catalogpolicy.engine.Call;
      import dev.catalogpolicy.model.Portfolio;
      global dev.catalogpolicy.engine.Outcome out;
      rule "X1 exists" ruleflow-group "exist" when Call(str("Id") == "missing") then out.deny("NOT_FOUND", "missing"); end
      rule "X2 owner" ruleflow-group "auth" when Call(str("Id") in ("missing", "foreign")) then out.deny("NOT_OWNER", "foreign"); end
      rule "X3 two validations" ruleflow-group "validate" when Call(str("Id") == "bad") then out.deny("SHARE_TARGET_INVALID", "a"); end
      rule "X4 two validations" ruleflow-group "validate" when Call(str("Id") == "bad") then out.deny("LIMIT_EXCEEDED", "b"); end
      rule "X5 create" ruleflow-group "apply" when $c : Call($id : str("Id")) then out.add("PORTFOLIO_CREATED", new Portfolio($id, $c.getAccount(), $c.getRegion(), null, null)); end
      rule "X6 follow" when dev.catalogpolicy.engine.Effect(kind == "PORTFOLIO_CREATED", $p : portfolio) then out.note("SEEN", null, $p, null, null); end
      """;

  private static Call call(String id, boolean dryRun) {
    return new Call("CreatePortfolio", new Caller("111111111111", "us-east-1", null, null),
        Json.MAPPER.createObjectNode().put("Id", id), dryRun);
  }

  private static RuleSet rules() throws Exception {
    return RuleCompiler.compile(Map.of("t.drl", RULES));
  }

  @Test
  void theFirstRefusingStageDecides() throws Exception {
    Decision d = Engine.evaluate(rules(), Catalog.empty(), call("missing", false)).decision();
    assertEquals("DENY", d.decision());
    assertEquals(1, d.reasons().size(), "only the exist stage's reasons: " + d.reasons());
    assertEquals("NOT_FOUND", d.reasons().get(0).code());
    assertEquals("X1 exists", d.reasons().get(0).rule());
    assertEquals("ResourceNotFoundException", d.error());
  }

  @Test
  void everyRefusalOfTheStageIsListedAndTheFirstGivesTheError() throws Exception {
    Decision d = Engine.evaluate(rules(), Catalog.empty(), call("bad", false)).decision();
    assertEquals(2, d.reasons().size());
    assertEquals(ReasonCodes.get(d.reasons().get(0).code()).awsError(), d.error());
  }

  @Test
  void anAllowAppliesItsChangesAndListsPropagation() throws Exception {
    Engine.Result r = Engine.evaluate(rules(), Catalog.empty(), call("port-a", false));
    assertEquals("ALLOW", r.decision().decision());
    assertEquals(1, r.catalog().list(Portfolio.class).size());
    assertEquals(2, r.decision().effects().size());
    assertEquals("SEEN", r.decision().effects().get(1).kind());
  }

  @Test
  void aDryRunChangesNothing() throws Exception {
    Engine.Result r = Engine.evaluate(rules(), Catalog.empty(), call("port-a", true));
    assertEquals("ALLOW", r.decision().decision());
    assertEquals(0, r.catalog().list(Portfolio.class).size());
    assertEquals(1, r.wouldBe().list(Portfolio.class).size());
  }
}
