package dev.catalogpolicy.cli;

import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.scenario.Coverage;
import dev.catalogpolicy.scenario.ScenarioFiles;
import dev.catalogpolicy.scenario.ScenarioFiles.FileRun;
import dev.catalogpolicy.scenario.StepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;

/** {@code test [PATH…]}: runs scenario files; prints each failing step; ends with {@code N passed, M failed}. */
@Command(name = "test", description = "Run scenario files (default: fixtures); exit 1 on any failure.")
final class TestCommand implements Callable<Integer> {
  @Option(names = "--rules", defaultValue = "rules", description = "rules directory (default: ${DEFAULT-VALUE})")
  Path rules;

  @Option(names = {"-v", "--verbose"}, description = "print every step, not only failures")
  boolean verbose;

  @Option(names = "--coverage", arity = "0..1", fallbackValue = "text", paramLabel = "FORMAT",
      preprocessor = AttachedValueOnly.class,
      description = "after the run, list every rule with how many steps fired it and name the rules no step fires;"
          + " --coverage=json for JSON (default: text)")
  String coverage;

  @Parameters(paramLabel = "PATH", description = "scenario files or directories (default: fixtures)")
  List<Path> paths = List.of(Path.of("fixtures"));

  /**
   * {@code --coverage} takes its format only attached ({@code --coverage=json}), so that in
   * {@code test --coverage fixtures/launch} the path stays a path.
   */
  static final class AttachedValueOnly implements IParameterPreprocessor {
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
      if ("=".equals(info.get("separator"))) return false; // --coverage=FORMAT
      argSpec.setValue("text");
      return true;
    }
  }

  @Override
  public Integer call() {
    if (coverage != null && !coverage.equalsIgnoreCase("text") && !coverage.equalsIgnoreCase("json")) {
      System.err.println("--coverage takes text or json, got '" + coverage + "'");
      return 2;
    }
    RuleSet rs = Rules.load(rules, System.err);
    if (rs == null) {
      System.out.println("0 passed, 1 failed");
      return 1;
    }
    long passed = 0, failed = 0;
    Coverage cov = new Coverage(rs);
    for (FileRun fr : ScenarioFiles.runAll(rs, paths)) {
      if (fr.run() != null) cov.add(fr.run());
      if (fr.error() != null) {
        failed++;
        System.out.println("FAIL " + fr.error());
        continue;
      }
      for (StepResult r : fr.run().results()) {
        if (r.passed()) {
          passed++;
          if (verbose) System.out.println("ok   " + fr.file() + " " + r.step().id() + " " + r.step().call().getName()
              + " -> " + r.decision().decision());
          continue;
        }
        failed++;
        System.out.println("FAIL " + fr.file() + ":" + r.step().line() + " scenario \"" + fr.run().scenario().name()
            + "\" step " + r.step().id() + " (" + r.step().call().getName() + ")");
        r.mismatches().forEach(m -> System.out.println("     " + m));
      }
    }
    if (coverage != null) printCoverage(cov);
    System.out.println(passed + " passed, " + failed + " failed");
    return failed == 0 ? 0 : 1;
  }

  private void printCoverage(Coverage cov) {
    if (coverage.equalsIgnoreCase("json")) {
      var root = Json.MAPPER.createObjectNode();
      root.put("rules", cov.entries().size()).put("fired", cov.entries().size() - cov.unfired().size())
          .put("percent", Math.round(cov.percent() * 10) / 10.0);
      root.set("entries", Json.MAPPER.valueToTree(cov.entries()));
      root.set("unfired", Json.MAPPER.valueToTree(cov.unfired().stream().map(Coverage.Entry::rule).toList()));
      System.out.println(Json.pretty(root));
      return;
    }
    System.out.println("rule coverage (steps that fired each rule):");
    for (Coverage.Entry e : cov.entries()) {
      System.out.printf("  %5d  %-9s %s  (%s)%n", e.steps(), e.stage(), e.rule(), e.file());
    }
    System.out.printf("%d of %d rules fired (%.1f%%)%n", cov.entries().size() - cov.unfired().size(), cov.entries().size(),
        cov.percent());
    cov.unfired().forEach(e -> System.out.println("  never fired: " + e.rule() + " (" + e.file() + ")"));
  }
}
