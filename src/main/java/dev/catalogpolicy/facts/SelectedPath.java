package dev.catalogpolicy.facts;

/** The launch path a launch goes through: the PathId given, or the only path (L3). */
public record SelectedPath(String portfolio, String product, String kind) {}
