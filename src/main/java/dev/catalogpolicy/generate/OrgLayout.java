package dev.catalogpolicy.generate;

import dev.catalogpolicy.model.Account;
import dev.catalogpolicy.model.OrganizationalUnit;

import java.util.*;

/**
 * The organization of a generated catalog: the hub (management) account under the root, nested OUs
 * (four top-level OUs, the others below them down to depth {@value #MAX_DEPTH}), spoke accounts spread
 * over the OUs below the root, and accounts outside the organization that receive account shares.
 */
final class OrgLayout {
  static final String ORG = "o-generated";
  static final String HUB = "100000000000";
  static final String ROOT = "ou-root";
  static final int MAX_DEPTH = 5;

  final List<OrganizationalUnit> ous = new ArrayList<>();
  final List<Account> accounts = new ArrayList<>();
  final List<String> spokes = new ArrayList<>();
  final List<String> externals = new ArrayList<>();
  private final Map<String, String> parentOf = new HashMap<>();
  private final Map<String, Integer> depth = new HashMap<>();

  OrgLayout(GeneratorSpec spec, Random rnd) {
    ous.add(new OrganizationalUnit(ROOT, ORG, null));
    depth.put(ROOT, 0);
    List<String> nested = new ArrayList<>();
    for (int i = 1; i < spec.ous(); i++) {
      String id = String.format("ou-%04d", i);
      String parent;
      if (i <= 4) {
        parent = ROOT;
      } else {
        do parent = nested.get(rnd.nextInt(nested.size())); while (depth.get(parent) >= MAX_DEPTH);
      }
      ous.add(new OrganizationalUnit(id, ORG, parent));
      parentOf.put(id, parent);
      depth.put(id, depth.get(parent) + 1);
      nested.add(id);
    }
    accounts.add(new Account(HUB, ORG, ROOT));
    for (int i = 1; i < spec.accounts(); i++) {
      String id = accountId('2', i);
      String ou = nested.isEmpty() ? ROOT : nested.get(rnd.nextInt(nested.size()));
      accounts.add(new Account(id, ORG, ou));
      parentOf.put(id, ou);
      spokes.add(id);
    }
    int outside = Math.max(1, spec.accounts() / 100);
    for (int i = 1; i <= outside; i++) {
      String id = accountId('9', i);
      accounts.add(new Account(id, null, null));
      externals.add(id);
    }
  }

  /**
   * The i-th account id of a kind: twelve digits that look as random as AWS's, and are the same for
   * the same i (i times an odd multiplier not divisible by 5, modulo 10^11, is a bijection). Ids
   * numbered 1, 2, 3, ... are not what AWS hands out, and they made Drools' composite index hashes
   * collide (a (portfolio, account) index of org-5k had 14,049 distinct hashes for 252,500 possible
   * keys, so index chains grew with the accounts).
   */
  static String accountId(char kind, int i) {
    long scrambled = Math.floorMod(i * 61_803_398_87L + 31_415_926_53L, 100_000_000_000L);
    return kind + String.format("%011d", scrambled);
  }

  /** The OUs below the root, in id order. */
  List<String> nestedOus() {
    return ous.stream().map(OrganizationalUnit::id).filter(id -> !id.equals(ROOT)).toList();
  }

  /** True when {@code account} sits in {@code ou} or in one of its child OUs, at any depth (O1). */
  boolean isUnder(String account, String ou) {
    if (ou.equals(ROOT)) return parentOf.containsKey(account) || account.equals(HUB);
    for (String p = parentOf.get(account); p != null; p = parentOf.get(p)) {
      if (p.equals(ou)) return true;
    }
    return false;
  }
}
