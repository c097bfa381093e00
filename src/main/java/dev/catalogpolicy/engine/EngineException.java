package dev.catalogpolicy.engine;

/** The rules misbehaved (a loop, a denial out of stage, a broken helper); a fault of the rules, not of the input. */
public final class EngineException extends RuntimeException {
  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
