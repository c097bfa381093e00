package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.catalogpolicy.model.Share;

/** The share a CreatePortfolioShare, UpdatePortfolioShare or DeletePortfolioShare call names (S1). */
public record RequestedShare(String call, Share share) {
  public String portfolio() { return share.portfolio(); }
  public String type() { return share.type(); }
  public String value() { return share.value(); }
  @JsonIgnore
  public boolean isOrganizationShare() { return share.isOrganizationShare(); }
}
