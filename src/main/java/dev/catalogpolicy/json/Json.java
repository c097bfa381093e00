package dev.catalogpolicy.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The one configured Jackson mapper, and parsing that turns syntax errors into {@link BadRequest}. */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  static {
    maxDepth(200);
  }

  /** The deepest JSON nesting {@link #parse} accepts (deeper documents are a BadRequest, not a stack overflow). */
  public static void maxDepth(int depth) {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth).build());
  }

  private Json() {}

  /** The longest JSON array {@link #parse} accepts: a longer one is a BadRequest at its path. */
  public static final int MAX_ARRAY_LENGTH = 100_000;

  /**
   * A request body as text. JSON is UTF-8 (api.md §5): a byte sequence that is not UTF-8 is a
   * BadRequest at {@code $} naming its offset, not a replacement character that slips through.
   */
  public static String utf8(byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) r = decoder.flush(out);
    if (r.isError()) {
      int at = in.position();
      throw new BadRequest("$", "the body is not UTF-8: byte 0x" + String.format("%02X", body[at] & 0xff) + " at offset " + at
          + " does not start a valid UTF-8 sequence there");
    }
    return out.flip().toString();
  }

  /**
   * Parses JSON text; a syntax error is a BadRequest at {@code $} naming line and column, a document
   * deeper than the nesting limit one at {@code $}, an array longer than {@link #MAX_ARRAY_LENGTH}
   * one at the array's path.
   */
  public static JsonNode parse(String text) {
    if (text == null || text.isBlank()) throw emptyBody();
    return tree(() -> MAPPER.readTree(text));
  }

  /**
   * Parses a request body as {@link #parse(String)} does its {@link #utf8} text. A body of ASCII alone
   * (as good as every request) is read from its bytes, without the text made first; one with a NUL byte
   * goes the long way too, since Jackson would take it for UTF-16 or UTF-32 without a byte order mark.
   */
  public static JsonNode parse(byte[] body) {
    boolean blank = true;
    for (byte b : body) {
      if (b <= 0) return parse(utf8(body)); // 0x80 or more (checked as UTF-8 first), or NUL
      if (blank && !Character.isWhitespace(b)) blank = false;
    }
    if (blank) throw emptyBody();
    return tree(() -> MAPPER.readTree(body));
  }

  private static BadRequest emptyBody() {
    return new BadRequest("$", "empty body: expected a JSON document");
  }

  private interface Reading {
    JsonNode read() throws java.io.IOException;
  }

  private static JsonNode tree(Reading reading) {
    try {
      JsonNode root = reading.read();
      checkArrays(root, null);
      return root;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new BadRequest("$", "malformed JSON" + where + ": " + e.getOriginalMessage());
    } catch (java.io.IOException e) { // no I/O: the document is in memory
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Where a container sits in the document: its parent's trail and its key or index (a path made only for an error). */
  private record Trail(Trail parent, String key, int index) {
    static String path(Trail t) {
      if (t == null) return "$";
      return t.key != null ? Fields.child(path(t.parent), t.key) : path(t.parent) + "[" + t.index + "]";
    }
  }

  private static void checkArrays(JsonNode node, Trail at) {
    if (node.isArray()) {
      if (node.size() > MAX_ARRAY_LENGTH) {
        throw new BadRequest(Trail.path(at), "an array of " + node.size() + " elements; at most " + MAX_ARRAY_LENGTH
            + " are accepted");
      }
      for (int i = 0; i < node.size(); i++) if (node.get(i).isContainerNode()) checkArrays(node.get(i), new Trail(at, null, i));
    } else if (node.isObject()) {
      for (var e : node.properties()) {
        if (e.getValue().isContainerNode()) checkArrays(e.getValue(), new Trail(at, e.getKey(), -1));
      }
    }
  }

  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String compact(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
