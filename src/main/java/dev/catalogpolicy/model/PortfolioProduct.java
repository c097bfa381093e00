package dev.catalogpolicy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A product associated with a portfolio. {@code account} made the association: the owner for its
 * own portfolio, the recipient for a local portfolio, where {@code sourcePortfolio} names the
 * imported portfolio the product came from.
 */
public record PortfolioProduct(String portfolio, String product, String account, String sourcePortfolio) {
  @JsonIgnore
  public boolean isLocal() {
    return sourcePortfolio != null;
  }
}
