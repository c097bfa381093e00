package dev.catalogpolicy.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Typed reads from a JSON tree, each fault a {@link BadRequest} with the JSON path of the field. */
public final class Fields {
  private Fields() {}

  public static String child(String path, String key) {
    return isIdentifier(key) ? path + "." + key : path + "['" + key + "']";
  }

  /**
   * A value as an error message shows it: quoted, and cut to its first 60 characters when longer
   * (an error never echoes a whole oversized value back).
   */
  public static String shown(String value) {
    if (value == null) return "null";
    if (value.length() <= 60) return "'" + value + "'";
    return "'" + value.substring(0, 60) + "…' (" + value.length() + " characters)";
  }

  /** {@code [A-Za-z_][A-Za-z0-9_]*}, by hand: every field of every request passes here. */
  static boolean isIdentifier(String key) {
    if (key.isEmpty()) return false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) return false;
    }
    return true;
  }

  public static JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) throw new BadRequest(path, "expected an object, got " + kind(node));
    return node;
  }

  public static String requiredText(JsonNode obj, String key, String path) {
    String v = optionalText(obj, key, path);
    if (v == null) throw new BadRequest(child(path, key), "required string '" + key + "' is missing");
    return v;
  }

  public static String optionalText(JsonNode obj, String key, String path) {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw new BadRequest(child(path, key), "expected a string, got " + kind(v));
    return v.asText();
  }

  public static boolean optionalBool(JsonNode obj, String key, String path, boolean dflt) {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull()) return dflt;
    if (v.isBoolean()) return v.asBoolean();
    if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    throw new BadRequest(child(path, key), "expected a boolean, got " + kind(v));
  }

  public static int optionalInt(JsonNode obj, String key, String path, int dflt) {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull()) return dflt;
    if (!v.isInt() || v.asInt() < 0) throw new BadRequest(child(path, key), "expected a non-negative integer, got " + kind(v));
    return v.asInt();
  }

  public static List<String> optionalTextList(JsonNode obj, String key, String path) {
    JsonNode v = obj.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) return out;
    if (!v.isArray()) throw new BadRequest(child(path, key), "expected an array, got " + kind(v));
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) throw new BadRequest(child(path, key) + "[" + i + "]", "expected a string, got " + kind(v.get(i)));
      out.add(v.get(i).asText());
    }
    return out;
  }

  public static Map<String, String> optionalTextMap(JsonNode obj, String key, String path) {
    JsonNode v = obj.get(key);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (v == null || v.isNull()) return out;
    if (!v.isObject()) throw new BadRequest(child(path, key), "expected an object, got " + kind(v));
    v.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode()) throw new BadRequest(child(child(path, key), e.getKey()), "expected a string");
      out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }

  /** Reads each element of an optional array with {@code read(element, elementPath)}. */
  public static <T> List<T> optionalList(JsonNode obj, String key, String path, BiFunction<JsonNode, String, T> read) {
    JsonNode v = obj.get(key);
    List<T> out = new ArrayList<>();
    if (v == null || v.isNull()) return out;
    String p = child(path, key);
    if (!v.isArray()) throw new BadRequest(p, "expected an array, got " + kind(v));
    for (int i = 0; i < v.size(); i++) {
      String ep = p + "[" + i + "]";
      out.add(read.apply(object(v.get(i), ep), ep));
    }
    return out;
  }

  public static String kind(JsonNode n) {
    if (n == null || n.isMissingNode()) return "nothing";
    if (n.isNull()) return "null";
    if (n.isObject()) return "an object";
    if (n.isArray()) return "an array";
    if (n.isTextual()) return "a string";
    if (n.isBoolean()) return "a boolean";
    if (n.isNumber()) return "a number";
    return n.getNodeType().toString().toLowerCase();
  }
}
