package dev.catalogpolicy.functions;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A fact named by an IAM ARN: the parts the rules join on. */
public interface IamArn {
  String arn();

  /** The account of the ARN, or null. */
  @JsonIgnore
  default String account() {
    return Arns.accountOf(arn());
  }

  /** The last segment of the ARN's path (a role's name). */
  @JsonIgnore
  default String roleName() {
    return Arns.roleName(arn());
  }
}
