package dev.catalogpolicy.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.catalogpolicy.json.Json;

/** Constraint Parameters arrive as a JSON object or, as AWS sends them, a JSON string holding one. */
public final class ConstraintParameters {
  private ConstraintParameters() {}

  /** The object a JSON string holds; anything else (an object, or text that is not JSON) as given. */
  public static JsonNode normalize(JsonNode parameters) {
    if (parameters == null) return NullNode.getInstance();
    if (parameters.isTextual()) {
      try {
        JsonNode parsed = Json.MAPPER.readTree(parameters.asText());
        if (parsed != null && parsed.isObject()) return parsed;
      } catch (JsonProcessingException e) {
        return parameters;
      }
    }
    return parameters;
  }
}
