package dev.catalogpolicy.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A launched product; {@code path} is the portfolio it was launched through, {@code parameters} the
 * provisioning parameters it runs with (an update keeps each one it does not give anew).
 */
public record ProvisionedProduct(String id, String name, String account, String product, String version,
                                 String path, String launchedBy, String status, Map<String, String> parameters) {
  public ProvisionedProduct {
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** The parameters of an update: the given ones, and the previous value of every one not given. */
  public Map<String, String> parametersWith(Map<String, String> given) {
    Map<String, String> merged = new LinkedHashMap<>(parameters);
    merged.putAll(given);
    return merged;
  }
}
