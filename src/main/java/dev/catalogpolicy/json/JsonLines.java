package dev.catalogpolicy.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Finds the line of a JSON path (as {@link BadRequest} writes them) in a document's text. */
public final class JsonLines {
  private JsonLines() {}

  /** One open object or array: its own path, and the next array index or the current field. */
  private static final class Frame {
    final String path;
    final boolean array;
    int index = -1;
    String field;

    Frame(String path, boolean array) {
      this.path = path;
      this.array = array;
    }

    String childPath() {
      return array ? path + "[" + index + "]" : Fields.child(path, field);
    }
  }

  /** 1-based line where the value at {@code path} starts, or of its nearest enclosing value; 0 if unknown. */
  public static int lineOf(String text, String path) {
    if (text == null || path == null) return 0;
    try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
      Deque<Frame> stack = new ArrayDeque<>();
      int best = 0;
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        if (t == JsonToken.FIELD_NAME) {
          stack.peek().field = p.currentName();
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          stack.pop();
          continue;
        }
        String here;
        if (stack.isEmpty()) {
          here = "$";
        } else {
          Frame f = stack.peek();
          if (f.array) f.index++;
          here = f.childPath();
        }
        int line = p.currentTokenLocation().getLineNr();
        if (path.equals(here)) return line;
        if (path.startsWith(here)) best = line;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) stack.push(new Frame(here, t == JsonToken.START_ARRAY));
      }
      return best;
    } catch (IOException e) {
      return 0;
    }
  }
}
