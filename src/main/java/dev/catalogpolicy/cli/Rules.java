package dev.catalogpolicy.cli;

import dev.catalogpolicy.engine.RuleCompileException;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleError;
import dev.catalogpolicy.engine.RuleSet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Loads the rules directory for a command, printing {@code file:line:column: message} per error. */
final class Rules {
  private Rules() {}

  /** The compiled rules, or null after printing what is wrong. */
  static RuleSet load(Path dir, PrintStream err) {
    try {
      return RuleCompiler.compile(dir);
    } catch (IOException e) {
      err.println(dir + ": " + e.getMessage());
    } catch (RuleCompileException e) {
      for (RuleError re : e.errors()) err.println(dir.resolve(re.file()) + ":" + re.line() + ":" + re.column() + ": " + re.message());
    }
    return null;
  }
}
