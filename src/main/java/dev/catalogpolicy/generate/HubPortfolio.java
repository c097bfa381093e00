package dev.catalogpolicy.generate;

import java.util.ArrayList;
import java.util.List;

/** A generated hub portfolio: its products (each with the id of its newest, active version) and whom it is shared with. */
final class HubPortfolio {
  record Item(String product, String version) {}

  final String id;
  final String region;
  final boolean orgWide;
  final boolean sharePrincipals;
  final List<String> ous = new ArrayList<>();
  final List<String> externals = new ArrayList<>();
  final List<Item> items = new ArrayList<>();

  HubPortfolio(String id, String region, boolean orgWide, boolean sharePrincipals) {
    this.id = id;
    this.region = region;
    this.orgWide = orgWide;
    this.sharePrincipals = sharePrincipals;
  }

  boolean reaches(OrgLayout org, String account) {
    if (orgWide) return true;
    for (String ou : ous) if (org.isUnder(account, ou)) return true;
    return false;
  }
}
