package dev.catalogpolicy.facts;

import dev.catalogpolicy.model.Share;

/** The share a CreatePortfolioShare, UpdatePortfolioShare or DeletePortfolioShare call names (S1). */
public record RequestedShare(String call, Share share) {
  public String portfolio() { return share.portfolio(); }
  public String type() { return share.type(); }
  public String value() { return share.value(); }
  public boolean isOrganizationShare() { return share.isOrganizationShare(); }
}
