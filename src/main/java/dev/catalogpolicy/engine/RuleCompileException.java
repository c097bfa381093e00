package dev.catalogpolicy.engine;

import java.util.List;

/** The rules directory does not compile; the errors say where. */
public final class RuleCompileException extends Exception {
  private final List<RuleError> errors;

  public RuleCompileException(List<RuleError> errors) {
    super(errors.size() + " rule error(s); first: " + (errors.isEmpty() ? "-" : errors.get(0)));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}
