package dev.catalogpolicy.model;

/** Policy options that policy authors choose (semantics H4). */
public record Policy(boolean inheritImportedConstraintsIntoLocal) {
  public static final Policy DEFAULT = new Policy(false);
}
