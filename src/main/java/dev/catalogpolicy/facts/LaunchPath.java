package dev.catalogpolicy.facts;

/** The caller may launch {@code product} through {@code portfolio}: kind OWNED, IMPORTED or LOCAL (L1). */
public record LaunchPath(String portfolio, String product, String kind, String owner, String sourcePortfolio) {}
