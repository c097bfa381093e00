package dev.catalogpolicy.engine;

import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.scenario.Scenario;
import dev.catalogpolicy.scenario.ScenarioFiles;
import dev.catalogpolicy.scenario.Step;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ExplainImpact derives paths only for the products a change can reach ({@link ImpactScope#products}).
 * For every change any fixture makes, the impact so derived equals the impact derived from every
 * product each principal sees: the narrowing leaves out no path that changes. And the facts the scope
 * starts from, looked up among those the call removed and added, are exactly those that differ between
 * the two catalogs compared whole.
 */
class ImpactProductScopeTest {
  @TestFactory
  Stream<DynamicNode> narrowingToTheChangedProductsLosesNoPath() throws Exception {
    return TestRules.perFixture(f -> compare(f));
  }

  private static void compare(Path file) throws Exception {
    RuleSet rules = TestRules.get();
    Scenario scenario = ScenarioFiles.read(file);
    Catalog today = Engine.settle(rules, scenario.catalog()).catalog();
    for (Step step : scenario.steps()) {
      Call call = step.call().explained() != null ? step.call().explained() : step.call();
      Engine.Result dry = Engine.evaluate(rules, today, call.asDryRun());
      if (dry.decision().allowed() && dry.changes()) {
        Catalog before = today;
        String where = file + ":" + step.line() + " step " + step.id() + " (" + call.getName() + ")";
        // the facts changed, looked up among those the call removed and added: exactly the facts one
        // catalog holds and the other does not
        Set<Object> was = new HashSet<>(before.allFacts().toList()), is = new HashSet<>(dry.wouldBe().allFacts().toList());
        Set<Object> differ = new HashSet<>(was);
        differ.removeAll(is);
        is.removeAll(was);
        differ.addAll(is);
        assertEquals(differ, ImpactScope.changed(before, dry.wouldBe(), dry.removed(), dry.added()), where);
        Impact.Report scoped = Impact.of(before, call, dry,
            (ps, products) -> Impact.fresh(rules, before, ps, products),
            (ps, products) -> Impact.fresh(rules, dry.wouldBe(), ps, products));
        Impact.Report everything = Impact.of(before, call, dry,
            (ps, products) -> Impact.fresh(rules, before, ps, null),
            (ps, products) -> Impact.fresh(rules, dry.wouldBe(), ps, null));
        assertEquals(Json.MAPPER.valueToTree(everything), Json.MAPPER.valueToTree(scoped), where);
      }
      today = Engine.evaluate(rules, today, step.call()).catalog();
    }
  }
}
