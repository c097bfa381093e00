package dev.catalogpolicy;

import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;

import java.nio.file.Path;

/** The repository's rules, compiled once for all tests. */
public final class TestRules {
  public static final Path RULES = Path.of("rules");
  public static final Path FIXTURES = Path.of("fixtures");
  private static RuleSet rules;

  private TestRules() {}

  public static synchronized RuleSet get() {
    if (rules == null) {
      try {
        rules = RuleCompiler.compile(RULES);
      } catch (Exception e) {
        throw new AssertionError("the rules under rules/ do not compile: " + e.getMessage(), e);
      }
    }
    return rules;
  }
}
