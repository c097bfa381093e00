package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.functions.Arns;

/** An IAM identity the caller acts as: its principal, the role of its session, each of its groups (R6). */
public record Identity(String arn) {
  /** True for an IAM role ARN. */
  @JsonIgnore
  public boolean isRole() {
    return Arns.isRoleArn(arn);
  }

  /** The account of the ARN, or null. */
  @JsonIgnore
  public String account() {
    return Arns.accountOf(arn);
  }

  /** The last segment of the ARN's path (a role's name). */
  @JsonIgnore
  public String roleName() {
    return Arns.roleName(arn);
  }
}
