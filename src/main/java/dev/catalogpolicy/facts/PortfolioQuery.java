package dev.catalogpolicy.facts;

/** The call names {@code portfolio} as one of the caller's (A1's source portfolio): it counts as a CallerPortfolio if it is one. */
public record PortfolioQuery(String portfolio) {}
