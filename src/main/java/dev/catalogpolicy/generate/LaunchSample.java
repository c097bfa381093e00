package dev.catalogpolicy.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.json.Json;

import java.util.Map;

/**
 * A launch the generated catalog allows: a principal of {@code account} launching {@code product}
 * through {@code pathId} (of kind OWNED, IMPORTED or LOCAL), with parameters every template
 * constraint accepts. Benchmarks and load scripts turn samples into calls.
 */
public record LaunchSample(String account, String region, String principal, String product, String version,
                           String pathId, String pathKind) {

  /** A dry-run ProvisionProduct call (api.md §1), named {@code name}. */
  public ObjectNode provisionCall(String name) {
    ObjectNode call = call("ProvisionProduct");
    ObjectNode in = (ObjectNode) call.get("input");
    in.put("ProvisioningArtifactId", version).put("PathId", pathId).put("ProvisionedProductName", name);
    ArrayNode params = in.putArray("ProvisioningParameters");
    for (Map.Entry<String, String> e : TemplateLibrary.GOOD_PARAMETERS.entrySet()) {
      params.addObject().put("Key", e.getKey()).put("Value", e.getValue());
    }
    call.put("dryRun", true);
    return call;
  }

  /** A ListLaunchPaths call for the sample's product and principal. */
  public ObjectNode listLaunchPathsCall() {
    return call("ListLaunchPaths");
  }

  private ObjectNode call(String name) {
    ObjectNode call = Json.MAPPER.createObjectNode().put("call", name);
    call.putObject("caller").put("account", account).put("region", region).put("principal", principal);
    call.putObject("input").put("ProductId", product);
    return call;
  }
}
