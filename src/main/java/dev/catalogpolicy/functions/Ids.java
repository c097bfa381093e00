package dev.catalogpolicy.functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic ids for resources the service would name (the same calls give the same ids). */
public final class Ids {
  private Ids() {}

  public static String provisionedProduct(String account, String name) {
    return "pp-" + digest(account + "/" + name);
  }

  private static String digest(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 13);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean isAccountId(String s) {
    if (s == null || s.length() != 12) return false;
    for (int i = 0; i < 12; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true; // by hand: called on every request and by the rules, where a regex compiled per call showed
  }
}
