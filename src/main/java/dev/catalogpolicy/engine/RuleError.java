package dev.catalogpolicy.engine;

/** A rule compile error with its file, line and column (1-based; 0 when Drools gives none). */
public record RuleError(String file, int line, int column, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
