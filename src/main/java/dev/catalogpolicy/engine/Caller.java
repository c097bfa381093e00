package dev.catalogpolicy.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * Who makes a call: account and region (required), the IAM principal of an end user, its groups.
 * Also the subject fact of launch.drl: what the rules derive about a caller is keyed by it, so the
 * rules' indexes hash and compare callers on every join. A value class rather than a record only to
 * keep its hash (a record's is computed on every use); equal callers are equal in every field.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
@JsonPropertyOrder({"account", "region", "principal", "groups"})
public final class Caller {
  private final String account;
  private final String region;
  private final String principal;
  private final List<String> groups;
  private final int hash;

  public Caller(String account, String region, String principal, List<String> groups) {
    this.account = account;
    this.region = region;
    this.principal = principal;
    this.groups = List.copyOf(groups == null ? List.of() : groups);
    this.hash = Objects.hash(account, region, principal, this.groups);
  }

  @JsonProperty public String account() { return account; }
  @JsonProperty public String region() { return region; }
  @JsonProperty public String principal() { return principal; }
  @JsonProperty public List<String> groups() { return groups; }

  // bean-style names for the rules (Caller(principal != null), $s.account)
  public String getAccount() { return account; }
  public String getRegion() { return region; }
  public String getPrincipal() { return principal; }
  public List<String> getGroups() { return groups; }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    return o instanceof Caller c && hash == c.hash && Objects.equals(account, c.account)
        && Objects.equals(region, c.region) && Objects.equals(principal, c.principal) && groups.equals(c.groups);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Caller[account=" + account + ", region=" + region + ", principal=" + principal + ", groups=" + groups + "]";
  }
}
