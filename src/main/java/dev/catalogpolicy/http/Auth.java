package dev.catalogpolicy.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Bearer tokens. With a read token set, every endpoint but /health needs it (or the admin token);
 * with an admin token set, changing the live catalog or its rules needs the admin token. Tokens are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, in constant time.
 */
final class Auth {
  /** NONE: refused; ANONYMOUS: no valid token, but reads are open; READ: the read token; ADMIN. */
  enum Access { NONE, ANONYMOUS, READ, ADMIN }

  private final byte[] read;
  private final byte[] admin;

  Auth(String readToken, String adminToken) {
    this.read = digest(readToken);
    this.admin = digest(adminToken);
  }

  /** What an {@code Authorization} header grants. */
  Access access(String header) {
    if (read == null && admin == null) return Access.ADMIN;
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    byte[] d = digest(token);
    boolean isAdmin = d != null && admin != null && MessageDigest.isEqual(d, admin);
    boolean isRead = d != null && read != null && MessageDigest.isEqual(d, read);
    if (isAdmin) return Access.ADMIN;
    if (isRead) return admin == null ? Access.ADMIN : Access.READ;
    return read == null ? Access.ANONYMOUS : Access.NONE;
  }

  private static byte[] digest(String token) {
    if (token == null || token.isEmpty()) return null;
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
