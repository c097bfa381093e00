package dev.catalogpolicy.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** A request body read from its bytes is read exactly as its UTF-8 text is: the same tree, the same errors. */
class JsonParseTest {
  private static String outcome(Object body) {
    try {
      return "tree " + (body instanceof byte[] b ? Json.parse(b) : Json.parse((String) body));
    } catch (BadRequest e) {
      return "400 at " + e.path() + ": " + e.getMessage();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"call\":\"ProvisionProduct\",\"input\":{\"ProductId\":\"prod-1\",\"n\":[1,2.5,true,null]}}",
      "  {\"a\": 1}\n",
      "[1, 2,",
      "{\"a\": 1,\n \"a\": 2}",
      "{\"a\": 1} trailing",
      "{\"a\": tru}",
      "\n\n  {\"a\" 1}",
      "   ",
      "",
      "{\"name\": \"caf\u00e9 \u65e5\u672c\"}",
      "{\"a\": \"\\u0000 escaped\"}",
      "\u0000{\u0000\"\u0000a\u0000\"\u0000:\u00001\u0000}",
  })
  void bytesAndTextGiveTheSameOutcome(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String fromText = text.isEmpty() ? outcome(text) : outcome(Json.utf8(bytes));
    assertEquals(fromText, outcome(bytes));
  }

  @Test
  void asciiWithNulBytesIsNotTakenForUtf16() {
    byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16BE);
    assertTrue(outcome(utf16).startsWith("400 at $: malformed JSON"), outcome(utf16));
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWithTheirOffset() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
    assertEquals("400 at $: the body is not UTF-8: byte 0xC3 at offset 6 does not start a valid UTF-8 sequence there",
        outcome(body));
  }

  @Test
  void deepAndLongDocumentsAreRefusedFromBytesToo() {
    assertTrue(outcome("[".repeat(500).getBytes(StandardCharsets.US_ASCII)).startsWith("400 at $: malformed JSON"));
    String longArray = "{\"xs\":[" + "1,".repeat(Json.MAX_ARRAY_LENGTH) + "1]}";
    assertEquals("400 at $.xs: an array of " + (Json.MAX_ARRAY_LENGTH + 1) + " elements; at most " + Json.MAX_ARRAY_LENGTH
        + " are accepted", outcome(longArray.getBytes(StandardCharsets.US_ASCII)));
    String nested = "{\"ok\":[[1],{\"x\":[]}],\"a.b\":[{},{\"c\":[" + "1,".repeat(Json.MAX_ARRAY_LENGTH) + "1]}]}";
    assertEquals("400 at " + Fields.child(Fields.child("$", "a.b") + "[1]", "c") + ": an array of " + (Json.MAX_ARRAY_LENGTH + 1)
        + " elements; at most " + Json.MAX_ARRAY_LENGTH + " are accepted", outcome(nested));
  }
}
