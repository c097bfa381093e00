package dev.catalogpolicy.json;

/** A fault in a request or file: its JSON path and a message a person can act on (HTTP 400, CLI error). */
public final class BadRequest extends RuntimeException {
  private final String path;

  public BadRequest(String path, String message) {
    super(message);
    this.path = path;
  }

  public String path() {
    return path;
  }

  /** The same fault seen from an enclosing document, e.g. {@code $.catalog} + {@code .portfolios[0]}. */
  public BadRequest under(String prefix) {
    String rel = path.startsWith("$") ? path.substring(1) : path;
    return new BadRequest(prefix + rel, getMessage());
  }

  @Override
  public String toString() {
    return path + ": " + getMessage();
  }
}
