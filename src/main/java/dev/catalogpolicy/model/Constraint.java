package dev.catalogpolicy.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A constraint bound to one launch path (portfolio and product); {@code account} created it. */
public record Constraint(String id, String type, String portfolio, String product, String account,
                         JsonNode parameters) {

  /** A top-level text parameter, e.g. {@code RoleArn}; null when absent or not text. */
  public String param(String name) {
    if (parameters == null || !parameters.isObject()) return null;
    JsonNode v = parameters.get(name);
    return v == null || !v.isTextual() || v.asText().isEmpty() ? null : v.asText();
  }

  public boolean hasParam(String name) {
    return param(name) != null;
  }
}
