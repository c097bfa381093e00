package dev.catalogpolicy.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Partial matching of a JSON value against an expectation, as a fixture's {@code impact} needs it:
 * an object matches when every field it gives is present and matches; a list matches when each
 * listed item matches some item of the actual list ({@code []} means the list must be empty); a
 * scalar matches an equal scalar.
 */
final class PartialMatch {
  private PartialMatch() {}

  /** Every way {@code actual} misses {@code expected}, each prefixed by its path under {@code path}. */
  static List<String> mismatches(JsonNode expected, JsonNode actual, String path) {
    List<String> out = new ArrayList<>();
    collect(expected, actual, path, out);
    return out;
  }

  private static void collect(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (expected.isObject()) {
      if (actual == null || !actual.isObject()) {
        out.add(path + ": expected an object, got " + show(actual));
        return;
      }
      expected.fields().forEachRemaining(f -> {
        JsonNode a = actual.get(f.getKey());
        if (a == null) out.add(path + "." + f.getKey() + ": no such field in " + show(actual));
        else collect(f.getValue(), a, path + "." + f.getKey(), out);
      });
    } else if (expected.isArray()) {
      if (actual == null || !actual.isArray()) {
        out.add(path + ": expected a list, got " + show(actual));
      } else if (expected.isEmpty() && !actual.isEmpty()) {
        out.add(path + ": expected none, got " + actual.size() + ": " + show(actual));
      } else {
        for (int i = 0; i < expected.size(); i++) {
          JsonNode e = expected.get(i);
          boolean found = false;
          for (JsonNode a : actual) found |= mismatches(e, a, path).isEmpty();
          if (!found) out.add(path + "[" + i + "]: expected " + e + " among " + actual.size() + " item(s): " + show(actual));
        }
      }
    } else if (!scalarEquals(expected, actual)) {
      out.add(path + ": expected " + expected + ", got " + show(actual));
    }
  }

  private static boolean scalarEquals(JsonNode e, JsonNode a) {
    if (a == null) return false;
    if (e.isNumber() && a.isNumber()) return e.decimalValue().compareTo(a.decimalValue()) == 0;
    return e.equals(a);
  }

  private static String show(JsonNode n) {
    if (n == null) return "nothing";
    String s = n.toString();
    return s.length() > 600 ? s.substring(0, 600) + "…" : s;
  }
}
