package dev.catalogpolicy.generate;

import dev.catalogpolicy.model.Quotas;

/**
 * What to generate: {@code accounts} accounts (the hub, which is the management account, included),
 * {@code ous} organizational units (the root included), {@code portfolios} hub portfolios of
 * {@code products} products each, {@code orgWide} of them shared with the whole organization.
 */
public record GeneratorSpec(int accounts, int ous, int portfolios, int products, int orgWide, long seed) {
  /** The named sizes of the performance targets: org-1k, org-5k and org-20k (50 OUs, 50 × 100 products). */
  public static GeneratorSpec named(String name, long seed) {
    int accounts = switch (name) {
      case "org-1k" -> 1_000;
      case "org-5k" -> 5_000;
      case "org-20k" -> 20_000;
      default -> throw new IllegalArgumentException("unknown size '" + name + "'; sizes: org-1k, org-5k, org-20k");
    };
    return new GeneratorSpec(accounts, 50, 50, 100, defaultOrgWide(50), seed);
  }

  /** One portfolio in ten is shared with the whole organization (at least one). */
  public static int defaultOrgWide(int portfolios) {
    return Math.max(1, Math.round(portfolios / 10f));
  }

  /** Throws with a message a user can act on when the spec cannot give a valid catalog. */
  public GeneratorSpec {
    Quotas q = Quotas.AWS_DEFAULTS;
    if (accounts < 2) throw new IllegalArgumentException("--accounts must be at least 2 (a hub and a spoke), got " + accounts);
    if (accounts > 10_000_000) throw new IllegalArgumentException("--accounts must be at most 10,000,000, got " + accounts);
    if (ous < 1) throw new IllegalArgumentException("--ous must be at least 1 (the root), got " + ous);
    if (ous > 10_000) throw new IllegalArgumentException("--ous must be at most 10,000, got " + ous);
    if (portfolios < 1 || portfolios > q.portfoliosPerAccountRegion()) {
      throw new IllegalArgumentException("--portfolios must be between 1 and " + q.portfoliosPerAccountRegion()
          + " (the quota of portfolios per account and region), got " + portfolios);
    }
    if (products < 1 || products > q.productsPerPortfolio()) {
      throw new IllegalArgumentException("--products must be between 1 and " + q.productsPerPortfolio()
          + " (the quota of products per portfolio), got " + products);
    }
    if (orgWide < 1 || orgWide > portfolios) {
      throw new IllegalArgumentException("--org-wide must be between 1 and --portfolios (" + portfolios + "), got " + orgWide);
    }
  }
}
