package dev.catalogpolicy.facts;

/**
 * The call asks about launch paths of {@code product} (L1): a launch's product, ListLaunchPaths'
 * ProductId, each product of the caller's portfolios for SearchProducts. The caller's portfolios,
 * grants and paths are derived for these products only.
 */
public record PathQuery(String product) {}
