package dev.catalogpolicy.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.catalogpolicy.engine.Caller;

import java.util.Map;

/**
 * What a launch-shaped call asks for (ProvisionProduct, UpdateProvisionedProduct,
 * DescribeProvisioningParameters): product, version, path (given as PathId when {@code explicitPath},
 * else the provisioned product's own path for an update, else null), name and parameters.
 */
public record LaunchRequest(@JsonIgnore Caller subject, String call, String product, String version, String pathId, boolean explicitPath,
                            String name, Map<String, String> parameters, String provisionedProduct) implements AboutCaller {
  public LaunchRequest {
    parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
  }

  public boolean checksTemplates() {
    return !"DescribeProvisioningParameters".equals(call);
  }
}
