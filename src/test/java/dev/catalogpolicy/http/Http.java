package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests against a server on a port. */
record Http(int port, String token) {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Http(int port) {
    this(port, null);
  }

  Http as(String bearer) {
    return new Http(port, bearer);
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    if (token != null) b.header("Authorization", "Bearer " + token);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return send("POST", path, body);
  }

  JsonNode json(String method, String path, String body, int status) throws Exception {
    HttpResponse<String> r = send(method, path, body);
    if (r.statusCode() != status) throw new AssertionError("expected " + status + " from " + method + " " + path + ", got " + r.statusCode() + ": " + r.body());
    return Json.parse(r.body());
  }
}
