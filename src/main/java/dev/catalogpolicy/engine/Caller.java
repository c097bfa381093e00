package dev.catalogpolicy.engine;

import java.util.List;

/** Who makes a call: account and region (required), the IAM principal of an end user, its groups. */
public record Caller(String account, String region, String principal, List<String> groups) {
  public Caller {
    groups = List.copyOf(groups == null ? List.of() : groups);
  }
}
