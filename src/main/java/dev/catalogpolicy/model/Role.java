package dev.catalogpolicy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.functions.Arns;

/** An IAM role known to exist (the catalog's {@code roles} list). */
public record Role(String arn) {
  /** The account of the role's ARN, or null. */
  @JsonIgnore
  public String account() {
    return Arns.accountOf(arn);
  }

  /** The role's name: the last segment of its path. */
  @JsonIgnore
  public String roleName() {
    return Arns.roleName(arn);
  }
}
