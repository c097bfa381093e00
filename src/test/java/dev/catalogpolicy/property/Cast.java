package dev.catalogpolicy.property;

import java.util.List;

/**
 * The fixed cast of every generated catalog: two organizations (A with nested OUs, hub and spokes;
 * B with one member), an account outside any organization, two regions, and the IAM names used for
 * principals. Generated worlds vary what these accounts own, share, import and grant.
 */
final class Cast {
  static final String ORG_A = "o-aaaaaaaaaa";
  static final String ORG_B = "o-bbbbbbbbbb";
  static final String MGMT_A = "111111111111";
  static final String HUB = "222222222222";
  static final String SPOKE_1 = "333333333333";
  static final String SPOKE_2 = "444444444444";
  static final String MGMT_B = "555555555555";
  static final String MEMBER_B = "666666666666";
  static final String OUTSIDER = "777777777777";
  static final List<String> ACCOUNTS = List.of(MGMT_A, HUB, SPOKE_1, SPOKE_2, MGMT_B, MEMBER_B, OUTSIDER);
  /** Accounts of organization A that may sit in any of its OUs and be delegated admins. */
  static final List<String> MEMBERS_A = List.of(HUB, SPOKE_1, SPOKE_2);
  static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

  /** OU ids with their organization and parent: A's OUs nest two deep under its root. */
  record Ou(String id, String organization, String parent) {}

  static final List<Ou> OUS_A = List.of(new Ou("r-aaaa", ORG_A, null), new Ou("ou-aaaa-apps", ORG_A, "r-aaaa"),
      new Ou("ou-aaaa-dev", ORG_A, "ou-aaaa-apps"), new Ou("ou-aaaa-sec", ORG_A, "r-aaaa"));
  static final List<Ou> OUS_B = List.of(new Ou("r-bbbb", ORG_B, null), new Ou("ou-bbbb-team", ORG_B, "r-bbbb"));

  static List<Ou> ous() {
    return java.util.stream.Stream.concat(OUS_A.stream(), OUS_B.stream()).toList();
  }

  static String developer(String account) {
    return "arn:aws:iam::" + account + ":role/Developer";
  }

  static String devsGroup(String account) {
    return "arn:aws:iam::" + account + ":group/Devs";
  }

  static String alice(String account) {
    return "arn:aws:iam::" + account + ":user/alice";
  }

  static String admin(String account) {
    return "arn:aws:iam::" + account + ":role/Admin";
  }

  static String developerSession(String account) {
    return "arn:aws:sts::" + account + ":assumed-role/Developer/session-1";
  }

  /** An IAM_PATTERN that matches the Developer role of any account. */
  static final String DEV_PATTERN = "arn:aws:iam:::role/Dev*";
  /** An IAM_PATTERN that matches alice (and alce) of any account. */
  static final String ALICE_PATTERN = "arn:aws:iam:::user/al?ce";

  /** The principals an account may associate: index 0-3 IAM of that account, 4-5 IAM_PATTERN. */
  static String associable(String account, int i) {
    return switch (Math.floorMod(i, 6)) {
      case 0 -> developer(account);
      case 1 -> devsGroup(account);
      case 2 -> alice(account);
      case 3 -> admin(account);
      case 4 -> DEV_PATTERN;
      default -> ALICE_PATTERN;
    };
  }

  static boolean isPattern(String arn) {
    return arn.startsWith("arn:aws:iam:::");
  }

  static String otherRegion(String region) {
    return REGIONS.get(0).equals(region) ? REGIONS.get(1) : REGIONS.get(0);
  }

  private Cast() {}
}
