package dev.catalogpolicy.cli;

import dev.catalogpolicy.engine.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code validate [--rules DIR]}: compiles the rules; prints each error, or the rule count. */
@Command(name = "validate", description = "Compile the rules; print file:line:column: message per error.")
final class ValidateCommand implements Callable<Integer> {
  @Option(names = "--rules", defaultValue = "rules", description = "rules directory (default: ${DEFAULT-VALUE})")
  Path rules;

  @Override
  public Integer call() {
    RuleSet rs = Rules.load(rules, System.err);
    if (rs == null) return 1;
    System.out.println(rs.rules().size() + " rules in " + rs.files().size() + " files compiled (" + rules + ", hash " + rs.hash() + ")");
    return 0;
  }
}
