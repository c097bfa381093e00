package dev.catalogpolicy.functions;

import java.util.regex.Pattern;

/** ARN arithmetic for the rules: accounts of ARNs, session roles, IAM_PATTERN matching (A6, H3, R6). */
public final class Arns {
  private static final Pattern IAM = Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}):(user|group|role)/.+");
  private static final Pattern SESSION = Pattern.compile("arn:(aws[\\w-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+");
  private static final Pattern IAM_PATTERN = Pattern.compile("arn:aws[\\w-]*:iam:::(user|group|role)/.+");

  private Arns() {}

  /** The account of an ARN ({@code arn:partition:service:region:account:...}), or null. */
  public static String accountOf(String arn) {
    if (arn == null) return null;
    String[] parts = arn.split(":", 6);
    return parts.length >= 6 && Ids.isAccountId(parts[4]) ? parts[4] : null;
  }

  public static boolean isIamArn(String arn) {
    return arn != null && IAM.matcher(arn).matches();
  }

  public static boolean isRoleArn(String arn) {
    return isIamArn(arn) && arn.split(":", 6)[5].startsWith("role/");
  }

  public static boolean isSession(String arn) {
    return arn != null && SESSION.matcher(arn).matches();
  }

  /** {@code arn:aws:sts::A:assumed-role/Name/session} → {@code arn:aws:iam::A:role/Name}. */
  public static String roleOfSession(String arn) {
    var m = SESSION.matcher(arn);
    if (!m.matches()) return null;
    return "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3);
  }

  /** The role name, the last segment of a role ARN's path. */
  public static String roleName(String arn) {
    if (arn == null) return null;
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? arn : arn.substring(slash + 1);
  }

  /** The role of {@code name} in {@code account}: {@code arn:aws:iam::account:role/name}. */
  public static String localRole(String account, String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    return "arn:aws:iam::" + account + ":role/" + n;
  }

  /**
   * An IAM_PATTERN ARN is well formed: no account ({@code arn:aws:iam:::}), a resource type of user,
   * group or role, and wildcards only after the resource type.
   */
  public static boolean isValidPattern(String pattern) {
    if (pattern == null || !IAM_PATTERN.matcher(pattern).matches()) return false;
    int slash = pattern.indexOf('/');
    String head = pattern.substring(0, slash);
    return head.indexOf('*') < 0 && head.indexOf('?') < 0;
  }

  /**
   * Whether an IAM_PATTERN matches a principal ARN of any account: {@code *} matches any run of
   * characters, {@code ?} zero or one character.
   */
  public static boolean patternMatches(String pattern, String principalArn) {
    if (!isValidPattern(pattern) || !isIamArn(principalArn)) return false;
    String[] p = principalArn.split(":", 6);
    String withoutAccount = p[0] + ":" + p[1] + ":" + p[2] + ":::" + p[5];
    return glob(pattern, withoutAccount);
  }

  /**
   * Glob matching in time proportional to pattern length times text length, whatever the pattern
   * (a regular expression of many {@code .*} backtracks: 10 wildcards against a 40-letter name took
   * 30 s). {@code reach[j]}: the pattern read so far can match the first j characters of the text.
   */
  static boolean glob(String pattern, String text) {
    int n = text.length();
    boolean[] reach = new boolean[n + 1];
    reach[0] = true;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean[] next = new boolean[n + 1];
      boolean any = false;
      for (int j = 0; j <= n; j++) {
        switch (c) {
          case '*' -> {
            any |= reach[j];
            next[j] = any;
          }
          case '?' -> next[j] = reach[j] || (j > 0 && reach[j - 1]);
          default -> next[j] = j > 0 && reach[j - 1] && text.charAt(j - 1) == c;
        }
      }
      reach = next;
    }
    return reach[n];
  }
}
