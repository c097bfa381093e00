package dev.catalogpolicy.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Catalog facts as typed JSON ({@code {"type": "Portfolio", "fact": {...}}}), so that a journal entry
 * can name exactly the facts a call removed and added and replay them without the rules.
 */
final class FactCodec {
  private static final ObjectMapper READER = Json.MAPPER.copy()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Map<String, Class<?>> TYPES = Catalog.FACT_TYPES.stream()
      .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

  private FactCodec() {}

  static ArrayNode write(List<Object> facts) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (Object f : facts) {
      ObjectNode o = a.addObject();
      o.put("type", f.getClass().getSimpleName());
      o.set("fact", Json.MAPPER.valueToTree(f));
    }
    return a;
  }

  static List<Object> read(JsonNode array) throws IOException {
    List<Object> facts = new ArrayList<>();
    if (array == null || array.isNull()) return facts;
    if (!array.isArray()) throw new IOException("expected an array of facts");
    for (JsonNode n : array) {
      Class<?> type = TYPES.get(n.path("type").asText());
      if (type == null) throw new IOException("unknown fact type '" + n.path("type").asText() + "'");
      facts.add(READER.treeToValue(n.get("fact"), type));
    }
    return facts;
  }
}
