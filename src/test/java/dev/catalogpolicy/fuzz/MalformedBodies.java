package dev.catalogpolicy.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.json.Fields;
import dev.catalogpolicy.json.Json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bad request bodies for an endpoint, made from valid documents of that endpoint (seeds): a seed
 * with a value of the wrong type, a field removed, an unknown call, an enum value AWS does not have,
 * an account that is not 12 digits, a huge array, nesting 100k deep, invalid UTF-8, truncated text,
 * trailing garbage, duplicate keys, raw control characters, random bytes. Each body says what it is, and, where the fault
 * sits at one place, the JSON path a 400 must name. Point it at any endpoint by giving its seeds.
 */
public final class MalformedBodies {
  /**
   * One body. {@code mustReject}: no server may accept it (4xx). {@code path}: the JSON path a 400
   * must name (null when the fault has no one place, or the body may be valid after all, e.g. a
   * removed optional field). {@code pathPrefix}: the path must be this or inside it.
   */
  public record Body(String kind, byte[] bytes, boolean mustReject, String path, boolean pathPrefix) {
    @Override
    public String toString() {
      String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
      return kind + " (" + bytes.length + " bytes" + (path == null ? "" : ", path " + path) + "): " + text
          + (bytes.length > 300 ? "…" : "");
    }
  }

  /** Places that hold an AWS enum value (or an expected decision) in a call or a scenario. */
  private static final java.util.regex.Pattern ENUM_PATHS = java.util.regex.Pattern.compile(
      ".*\\.input\\.(PortfolioShareType|PrincipalType|Type|OrganizationNode\\.Type)|.*\\.expect\\.decision");
  private static final String[] BAD_ACCOUNTS = {"12345", "1111111111111", "11111111111a", "", " 111111111111",
      "١١١١١١١١١١١١", "111111111111\n", "-11111111111", "1e11"};
  private static final byte[][] BAD_UTF8 = {{(byte) 0xff}, {(byte) 0xc3, (byte) 0x28}, {(byte) 0x80},
      {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xe2, (byte) 0x82}};

  private final List<JsonNode> seeds;

  public MalformedBodies(List<JsonNode> seeds) {
    if (seeds.isEmpty()) throw new IllegalArgumentException("no seed documents");
    this.seeds = List.copyOf(seeds);
  }

  public Body next(Random r) {
    JsonNode seed = seeds.get(r.nextInt(seeds.size())).deepCopy();
    int k = r.nextInt(100);
    if (k < 20) return wrongType(r, seed);
    if (k < 32) return missingField(r, seed);
    if (k < 40) return unknownCall(r, seed);
    if (k < 47) return badEnum(r, seed);
    if (k < 53) return badAccount(r, seed);
    if (k < 62) return invalidUtf8(r, seed);
    if (k < 72) return truncated(r, seed);
    if (k < 76) return deepNesting(r, seed);
    if (k < 78) return hugeArray(r, seed);
    if (k < 82) return trailingGarbage(r, seed);
    if (k < 85) return duplicateKey(r, seed);
    if (k < 88) return notAnObject(r);
    if (k < 91) return randomBytes(r);
    if (k < 93) return hugeString(r, seed);
    if (k < 97) return loneSurrogate(r, seed);
    return controlCharacters(r, seed);
  }

  // ---- structure of a document ------------------------------------------------------------------

  /** A place in a document: its parent container, the key or index there, and its JSON path. */
  private record Place(JsonNode parent, String key, int index, String path, JsonNode node) {}

  private static List<Place> places(JsonNode root) {
    List<Place> out = new ArrayList<>();
    walk(root, "$", out);
    return out;
  }

  private static void walk(JsonNode n, String path, List<Place> out) {
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> {
        String p = Fields.child(path, e.getKey());
        out.add(new Place(n, e.getKey(), -1, p, e.getValue()));
        walk(e.getValue(), p, out);
      });
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        String p = path + "[" + i + "]";
        out.add(new Place(n, null, i, p, n.get(i)));
        walk(n.get(i), p, out);
      }
    }
  }

  private static void set(Place p, JsonNode value) {
    if (p.key() != null) ((ObjectNode) p.parent()).set(p.key(), value);
    else ((ArrayNode) p.parent()).set(p.index(), value);
  }

  private static byte[] bytes(JsonNode n) {
    return Json.compact(n).getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T pick(Random r, List<T> l) {
    return l.get(r.nextInt(l.size()));
  }

  // ---- faults at one place --------------------------------------------------------------------

  /** A value of another JSON type: a 400 names that place (or something inside it), unless the field is free. */
  private Body wrongType(Random r, JsonNode seed) {
    List<Place> ps = places(seed);
    if (ps.isEmpty()) return notAnObject(r);
    Place p = pick(r, ps);
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<JsonNode> others = new ArrayList<>();
    if (!p.node().isNumber()) others.add(f.numberNode(r.nextInt(1000) - 500));
    if (!p.node().isTextual()) others.add(f.textNode("x" + r.nextInt(100)));
    if (!p.node().isBoolean()) others.add(f.booleanNode(r.nextBoolean()));
    if (!p.node().isArray()) others.add(f.arrayNode().add(1).add("two"));
    if (!p.node().isObject()) others.add(f.objectNode().put("unexpected", true));
    set(p, pick(r, others));
    return new Body("wrong-type", bytes(seed), false, p.path(), true);
  }

  /** A field taken out: a 400, if any, names that field (or, for an alias, its sibling). */
  private Body missingField(Random r, JsonNode seed) {
    List<Place> ps = places(seed).stream().filter(p -> p.key() != null).toList();
    if (ps.isEmpty()) return notAnObject(r);
    Place p = pick(r, ps);
    ((ObjectNode) p.parent()).remove(p.key());
    String parent = p.path().substring(0, p.path().length() - (p.path().endsWith("']") ? p.key().length() + 4 : p.key().length() + 1));
    return new Body("missing-field", bytes(seed), false, parent, true);
  }

  private Body unknownCall(Random r, JsonNode seed) {
    // the call names of requests (not an expected impact's "call", which is only compared)
    List<Place> calls = places(seed).stream().filter(p -> "call".equals(p.key()) && p.node().isTextual()
        && !p.path().contains(".expect")).toList();
    if (calls.isEmpty()) return wrongType(r, seed);
    Place p = pick(r, calls);
    String junk = pick(r, List.of("DescribePortfolio", "createPortfolio", "", " ", "CreatePortfolio ", "DROP TABLE", "ünïcödé",
        "ExplainImpact2", "x".repeat(1 + r.nextInt(5000))));
    set(p, JsonNodeFactory.instance.textNode(junk));
    return new Body("unknown-call", bytes(seed), true, p.path(), false);
  }

  private Body badEnum(Random r, JsonNode seed) {
    List<Place> es = places(seed).stream().filter(p -> p.node().isTextual() && ENUM_PATHS.matcher(p.path()).matches()).toList();
    if (es.isEmpty()) return badAccount(r, seed);
    Place p = pick(r, es);
    set(p, JsonNodeFactory.instance.textNode(pick(r, List.of("imported", "SHARED", "IAM_ROLE", "ALLOWED", "LAUNCHX", "", "null"))));
    return new Body("bad-enum", bytes(seed), true, p.path(), false);
  }

  private Body badAccount(Random r, JsonNode seed) {
    List<Place> as = places(seed).stream().filter(p -> "account".equals(p.key()) && p.path().contains(".caller")).toList();
    if (as.isEmpty()) return truncated(r, seed);
    Place p = pick(r, as);
    set(p, JsonNodeFactory.instance.textNode(BAD_ACCOUNTS[r.nextInt(BAD_ACCOUNTS.length)]));
    return new Body("bad-account", bytes(seed), true, p.path(), false);
  }

  // ---- faults in the text itself ----------------------------------------------------------------

  /** Bytes that are not UTF-8, inside a string or between tokens: never a document. */
  private Body invalidUtf8(Random r, JsonNode seed) {
    byte[] text = bytes(seed);
    byte[] bad = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
    int at;
    if (r.nextBoolean()) {
      // inside a string value: just after an opening quote
      List<Integer> quotes = new ArrayList<>();
      for (int i = 0; i < text.length; i++) if (text[i] == '"') quotes.add(i + 1);
      at = quotes.isEmpty() ? 0 : pick(r, quotes);
    } else {
      at = r.nextInt(text.length + 1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(text, 0, at);
    out.writeBytes(bad);
    out.write(text, at, text.length - at);
    return new Body("invalid-utf8", out.toByteArray(), true, "$", false);
  }

  private Body truncated(Random r, JsonNode seed) {
    byte[] text = bytes(seed);
    int cut = 1 + r.nextInt(Math.max(1, text.length - 1));
    byte[] out = java.util.Arrays.copyOf(text, cut);
    // a cut inside a multi-byte character is invalid UTF-8 as well as truncated: either way the root
    return new Body("truncated", out, true, "$", false);
  }

  private Body trailingGarbage(Random r, JsonNode seed) {
    String tail = pick(r, List.of("}", "]", "{}", "x", ",", "\"", "null", " {\"steps\": []}"));
    return new Body("trailing-garbage", (Json.compact(seed) + tail).getBytes(StandardCharsets.UTF_8), true, "$", false);
  }

  private Body duplicateKey(Random r, JsonNode seed) {
    String text = Json.compact(seed);
    int brace = text.indexOf('{');
    String dup = "\"dup\":1,\"dup\":2,";
    String out = brace < 0 ? "{" + dup + "\"x\":0}" : text.substring(0, brace + 1) + dup + text.substring(brace + 1);
    return new Body("duplicate-key", out.getBytes(StandardCharsets.UTF_8), true, "$", false);
  }

  /** Objects or arrays nested 1,000 to 100,000 deep, as the body or inside a field. */
  private Body deepNesting(Random r, JsonNode seed) {
    int depth = pick(r, List.of(1_000, 10_000, 100_000));
    boolean arrays = r.nextBoolean();
    boolean closed = r.nextInt(4) != 0;
    StringBuilder sb = new StringBuilder(depth * 8);
    for (int i = 0; i < depth; i++) sb.append(arrays ? "[" : "{\"a\":");
    sb.append("1");
    if (closed) for (int i = 0; i < depth; i++) sb.append(arrays ? "]" : "}");
    String nested = sb.toString();
    String body;
    if (r.nextBoolean() && seed.isObject()) {
      String text = Json.compact(seed);
      body = "{\"deep\":" + nested + "," + text.substring(1);
    } else {
      body = nested;
    }
    return new Body("deep-nesting", body.getBytes(StandardCharsets.UTF_8), true, "$", false);
  }

  /** An array of 150k-1M elements where the document has an array (or at the root). */
  private Body hugeArray(Random r, JsonNode seed) {
    int n = pick(r, List.of(150_000, 150_000, 300_000, 1_000_000));
    List<Place> arrays = places(seed).stream().filter(p -> p.node().isArray()).toList();
    String element = pick(r, List.of("0", "null", "\"x\"", "{}", "[]"));
    StringBuilder sb = new StringBuilder(n * (element.length() + 1) + 2).append('[');
    for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ",").append(element);
    sb.append(']');
    if (arrays.isEmpty()) return new Body("huge-array", sb.toString().getBytes(StandardCharsets.UTF_8), true, "$", false);
    Place p = pick(r, arrays);
    String marker = "\"__huge__\"";
    set(p, JsonNodeFactory.instance.textNode("__huge__"));
    String text = Json.compact(seed).replace(marker, sb.toString());
    // longer than any request may hold: refused at that array (or, past the size limit, as a whole: 413)
    return new Body("huge-array", text.getBytes(StandardCharsets.UTF_8), true, p.path(), true);
  }

  private Body hugeString(Random r, JsonNode seed) {
    List<Place> strings = places(seed).stream().filter(p -> p.node().isTextual()).toList();
    if (strings.isEmpty()) return notAnObject(r);
    Place p = pick(r, strings);
    int n = pick(r, List.of(100_000, 100_000, 1_000_000, 4_000_000));
    set(p, JsonNodeFactory.instance.textNode("s".repeat(n)));
    return new Body("huge-string", bytes(seed), false, p.path(), true);
  }

  /** Raw control characters (and NUL) inside strings are not JSON. */
  private Body controlCharacters(Random r, JsonNode seed) {
    String text = Json.compact(seed);
    List<Integer> starts = new ArrayList<>();
    for (int i = text.indexOf(":\""); i >= 0; i = text.indexOf(":\"", i + 1)) starts.add(i + 2);
    String ctl = String.valueOf((char) (int) pick(r, List.of(0, 1, 9, 10, 13, 27, 31)));
    String out = starts.isEmpty() ? "{\"name\":\"" + ctl + "\"}" : insert(text, pick(r, starts), ctl);
    return new Body("control-character", out.getBytes(StandardCharsets.UTF_8), true, "$", false);
  }

  /**
   * A string holding half of a UTF-16 surrogate pair ({@code \\ud800}), which JSON's escapes allow
   * but no UTF-8 answer can hold: the server may refuse it or answer with it replaced, never fail.
   */
  private Body loneSurrogate(Random r, JsonNode seed) {
    String text = Json.compact(seed);
    List<Integer> starts = new ArrayList<>();
    for (int i = text.indexOf(":\""); i >= 0; i = text.indexOf(":\"", i + 1)) starts.add(i + 2);
    String half = pick(r, List.of("\\ud800", "\\udfff", "\\udbff\\u0041"));
    String out = starts.isEmpty() ? "{\"name\":\"" + half + "\"}" : insert(text, pick(r, starts), half);
    return new Body("lone-surrogate", out.getBytes(StandardCharsets.UTF_8), false, null, false);
  }

  private static String insert(String text, int at, String what) {
    return text.substring(0, at) + what + text.substring(at);
  }

  private Body notAnObject(Random r) {
    String text = pick(r, List.of("", " ", "null", "[]", "[{}]", "\"steps\"", "42", "true", "{", "}", "{}}", "{\"steps\":"));
    return new Body("not-a-document", text.getBytes(StandardCharsets.UTF_8), true, "$", false);
  }

  private Body randomBytes(Random r) {
    byte[] b = new byte[1 + r.nextInt(2000)];
    r.nextBytes(b);
    if (r.nextBoolean()) b[0] = '{';
    return new Body("random-bytes", b, true, "$", false);
  }
}
