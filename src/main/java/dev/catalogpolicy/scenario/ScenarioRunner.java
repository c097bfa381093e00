package dev.catalogpolicy.scenario;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario's steps in order against its catalog: an ALLOW changes the catalog for the
 * steps after it, unless the step is a dry run. Stateless: nothing outlives the run.
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** The steps' results, the catalog after them, and the rules that fired loading the catalog. */
  public record Run(Scenario scenario, List<StepResult> results, Catalog catalog, List<String> loadRules) {
    public long failed() {
      return results.stream().filter(r -> !r.passed()).count();
    }

    public long passed() {
      return results.size() - failed();
    }
  }

  public static Run run(RuleSet rules, Scenario scenario) {
    Engine.Result loaded = Engine.settle(rules, scenario.catalog());
    Catalog catalog = loaded.catalog();
    List<StepResult> results = new ArrayList<>();
    for (Step step : scenario.steps()) {
      Engine.Result r = Engine.evaluate(rules, catalog, step.call());
      catalog = r.catalog();
      List<String> mismatches = step.expect() == null ? List.of() : step.expect().mismatches(r.decision());
      results.add(new StepResult(step, r.decision(), mismatches));
    }
    return new Run(scenario, results, catalog, loaded.decision().firedRules());
  }
}
