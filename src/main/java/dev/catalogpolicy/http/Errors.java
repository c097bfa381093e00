package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.json.Json;

/** Error bodies: {@code {error, message, path?}}. */
final class Errors {
  private Errors() {}

  record BadRequestBody(String error, String message, String path) {
    BadRequestBody(String message, String path) {
      this("BadRequest", message, path);
    }
  }

  static ObjectNode body(String error, String message) {
    return Json.MAPPER.createObjectNode().put("error", error).put("message", message);
  }
}
