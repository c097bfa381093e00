package dev.catalogpolicy.scenario;

import dev.catalogpolicy.engine.RuleInfo;
import dev.catalogpolicy.engine.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many steps fired each DRL rule across scenario runs, and which rules no step fires. */
public final class Coverage {
  public record Entry(String rule, String file, String stage, int steps) {}

  private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();

  public Coverage(RuleSet ruleSet) {
    for (RuleInfo r : ruleSet.rules()) {
      rules.put(r.name(), r);
      counts.put(r.name(), 0);
    }
  }

  public void add(ScenarioRunner.Run run) {
    count(run.loadRules());
    for (StepResult r : run.results()) count(r.decision().firedRules());
  }

  private void count(List<String> fired) {
    if (fired == null) return;
    for (String name : fired) counts.computeIfPresent(name, (k, v) -> v + 1);
  }

  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    counts.forEach((name, n) -> {
      RuleInfo r = rules.get(name);
      out.add(new Entry(name, r.file(), r.stage(), n));
    });
    return out;
  }

  public List<Entry> unfired() {
    return entries().stream().filter(e -> e.steps() == 0).toList();
  }

  public double percent() {
    return counts.isEmpty() ? 100.0 : 100.0 * (counts.size() - unfired().size()) / counts.size();
  }
}
