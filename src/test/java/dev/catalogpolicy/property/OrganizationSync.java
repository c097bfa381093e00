package dev.catalogpolicy.property;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.model.*;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * R3/I2 as an oracle: while Service Catalog's Organizations access is enabled in the organization of
 * a portfolio's owner, the organization imports of that portfolio are exactly the accounts its
 * organization shares reach now (membership through nested OUs, O1), less those that rejected it
 * (R4) or import it by an account share.
 */
final class OrganizationSync {
  private OrganizationSync() {}

  static void check(Catalog c, List<Invariants.Violation> out) {
    for (Portfolio p : c.list(Portfolio.class)) {
      String org = orgOf(c, p.owner());
      if (org == null || c.list(Organization.class).stream().noneMatch(o -> o.id().equals(org) && o.serviceCatalogAccess())) continue;
      Set<String> reached = new HashSet<>();
      for (Share s : c.list(Share.class)) {
        if (!s.portfolio().equals(p.id()) || !s.isOrganizationShare()) continue;
        for (Account a : c.list(Account.class)) {
          if (a.id().equals(p.owner()) || !org.equals(a.organization())) continue;
          boolean reaches = switch (s.type()) {
            case Share.ORGANIZATION -> s.value().equals(org);
            case Share.ORGANIZATIONAL_UNIT -> under(c, a.parent(), s.value());
            default -> s.value().equals(a.id());
          };
          if (reaches) reached.add(a.id());
        }
      }
      Set<String> expected = new HashSet<>();
      for (String a : reached) {
        boolean rejected = c.list(ImportRejection.class).stream().anyMatch(r -> r.portfolio().equals(p.id()) && r.account().equals(a));
        boolean byAccountShare = c.list(Import.class).stream().anyMatch(i -> i.portfolio().equals(p.id()) && i.account().equals(a)
            && !i.isOrganizationImport());
        if (!rejected && !byAccountShare) expected.add(a);
      }
      Set<String> actual = new HashSet<>();
      c.list(Import.class).stream().filter(i -> i.portfolio().equals(p.id()) && i.isOrganizationImport()).forEach(i -> actual.add(i.account()));
      if (!expected.equals(actual)) {
        out.add(new Invariants.Violation("organization-imports-follow-shares", "R3 I2 O1", "portfolio " + p.id() + " of " + p.owner()
            + " (" + org + ", access enabled): its organization shares reach " + new java.util.TreeSet<>(expected)
            + " but the organization imports are " + new java.util.TreeSet<>(actual)));
      }
    }
  }

  private static String orgOf(Catalog c, String account) {
    return c.list(Account.class).stream().filter(a -> a.id().equals(account)).map(Account::organization).filter(Objects::nonNull)
        .findFirst().orElse(null);
  }

  /** An OU is {@code ou} or nested under it, at any depth. */
  private static boolean under(Catalog c, String node, String ou) {
    Set<String> seen = new HashSet<>();
    for (String n = node; n != null && seen.add(n); ) {
      if (n.equals(ou)) return true;
      String current = n;
      n = c.list(OrganizationalUnit.class).stream().filter(u -> u.id().equals(current)).findFirst()
          .map(OrganizationalUnit::parent).orElse(null);
    }
    return false;
  }
}
