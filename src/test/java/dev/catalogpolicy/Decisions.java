package dev.catalogpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.json.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Decisions compared across engines and across answers to the same question. */
public final class Decisions {
  private Decisions() {}

  /**
   * A decision as JSON without its decisionId, each list of reasons, effects, paths, constraints,
   * findings, template constraints and violations sorted: within a list the order is the order in
   * which Drools hands a rule its matches, which follows how facts entered the session (a fresh
   * session takes a whole catalog in one batch and reverses it, the live one takes changes as they
   * come). The order carries no meaning in api.md; every element and every scalar (decision, error,
   * launch role, path, billing account, impact) must be equal.
   */
  public static JsonNode json(Decision d) {
    ObjectNode n = Json.MAPPER.valueToTree(d);
    n.remove("decisionId");
    sortLists(n);
    return n;
  }

  private static void sortLists(JsonNode node) {
    if (!(node instanceof ObjectNode o)) return;
    for (String field : List.of("reasons", "effects", "paths", "constraints", "findings", "templateConstraints",
        "violations")) {
      if (o.get(field) instanceof ArrayNode a) {
        List<JsonNode> items = new ArrayList<>();
        a.forEach(items::add);
        items.sort(Comparator.comparing(JsonNode::toString));
        o.set(field, Json.MAPPER.createArrayNode().addAll(items));
      }
    }
    sortLists(o.get("launch"));
  }
}
