package dev.catalogpolicy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A principal (IAM ARN or IAM_PATTERN) associated with a portfolio by {@code account}. */
public record PrincipalAssociation(String portfolio, String account, String arn, String type) {
  public static final String IAM = "IAM";
  public static final String IAM_PATTERN = "IAM_PATTERN";

  @JsonIgnore
  public boolean isPattern() {
    return IAM_PATTERN.equals(type);
  }
}
