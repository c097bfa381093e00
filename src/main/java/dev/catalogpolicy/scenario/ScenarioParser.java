package dev.catalogpolicy.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;

import java.util.ArrayList;
import java.util.List;

import static dev.catalogpolicy.json.Fields.*;

/** Reads a scenario (api.md §4); every fault is a {@link BadRequest} with its JSON path. */
public final class ScenarioParser {
  private ScenarioParser() {}

  public static Scenario parse(String text) {
    return parse(Json.parse(text), "$", text);
  }

  public static Scenario parse(JsonNode root, String path, String text) {
    object(root, path);
    String name = optionalText(root, "name", path);
    String source = optionalText(root, "source", path);
    JsonNode c = root.get("catalog");
    Catalog catalog = c == null || c.isNull() ? Catalog.empty() : CatalogJson.read(c, child(path, "catalog"));
    JsonNode steps = root.get("steps");
    String sp = child(path, "steps");
    if (steps == null || !steps.isArray()) throw new BadRequest(sp, "steps must be an array of calls");
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String p = sp + "[" + i + "]";
      JsonNode s = object(steps.get(i), p);
      String id = s.hasNonNull("id") ? requiredText(s, "id", p) : "step-" + (i + 1);
      Expectation expect = s.hasNonNull("expect") ? Expectation.parse(s.get("expect"), child(p, "expect")) : null;
      out.add(new Step(id, CallParser.parse(s, p), expect, lineOf(text, "\"" + id + "\"", i)));
    }
    return new Scenario(name == null ? "(unnamed)" : name, source, catalog, out);
  }

  /** The line of a step's id in the file, so a failing step can be found (0 when not found). */
  private static int lineOf(String text, String quotedId, int index) {
    if (text == null) return 0;
    int at = text.indexOf("\"id\"");
    int from = 0;
    while (at >= 0) {
      int colon = text.indexOf(':', at);
      int end = Math.min(text.length(), colon + 1 + quotedId.length() + 4);
      if (colon > 0 && text.substring(colon + 1, end).strip().startsWith(quotedId)) {
        return (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
      }
      from = at + 4;
      at = text.indexOf("\"id\"", from);
    }
    return 0;
  }
}
