package dev.catalogpolicy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A portfolio imported by {@code account} in {@code region}; type IMPORTED or AWS_ORGANIZATIONS. */
public record Import(String portfolio, String account, String region, String type) {
  public static final String IMPORTED = "IMPORTED";
  public static final String AWS_ORGANIZATIONS = "AWS_ORGANIZATIONS";

  @JsonIgnore
  public boolean isOrganizationImport() {
    return AWS_ORGANIZATIONS.equals(type);
  }
}
