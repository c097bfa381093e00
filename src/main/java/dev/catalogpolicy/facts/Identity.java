package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;
import dev.catalogpolicy.functions.Arns;
import dev.catalogpolicy.functions.IamArn;

/** An IAM identity the caller acts as: its principal, the role of its session, each of its groups (R6). */
public record Identity(@JsonIgnore Caller subject, String arn) implements AboutCaller, IamArn {
  /** True for an IAM role ARN. */
  @JsonIgnore
  public boolean isRole() {
    return Arns.isRoleArn(arn);
  }
}
