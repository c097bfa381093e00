package dev.catalogpolicy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A portfolio share. {@code type} is ACCOUNT (account to account, {@code value} an account id) or
 * an organization node: ORGANIZATION, ORGANIZATIONAL_UNIT, ORGANIZATION_MEMBER_ACCOUNT (the AWS
 * name of an OrganizationNode of type ACCOUNT).
 */
public record Share(String portfolio, String type, String value, boolean sharePrincipals,
                    boolean shareTagOptions) {
  public static final String ACCOUNT = "ACCOUNT";
  public static final String ORGANIZATION = "ORGANIZATION";
  public static final String ORGANIZATIONAL_UNIT = "ORGANIZATIONAL_UNIT";
  public static final String ORGANIZATION_MEMBER_ACCOUNT = "ORGANIZATION_MEMBER_ACCOUNT";

  @JsonIgnore
  public boolean isOrganizationShare() {
    return !ACCOUNT.equals(type);
  }

  public Share withOptions(boolean principals, boolean tagOptions) {
    return new Share(portfolio, type, value, principals, tagOptions);
  }

  /** True for shares that name one account, directly or as an organization node. */
  @JsonIgnore
  public boolean isAccountTarget() {
    return ACCOUNT.equals(type) || ORGANIZATION_MEMBER_ACCOUNT.equals(type);
  }
}
