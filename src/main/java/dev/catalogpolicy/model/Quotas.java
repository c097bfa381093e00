package dev.catalogpolicy.model;

/** Service quotas (S6); any value not given in the catalog is AWS's default. */
public record Quotas(int productsPerPortfolio, int principalsPerPortfolio, int patternPrincipalsPerPortfolio,
                     int sharesPerPortfolio, int portfoliosPerAccountRegion, int versionsPerProduct) {
  public static final Quotas AWS_DEFAULTS = new Quotas(150, 100, 10, 5000, 100, 100);
}
