package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The real server on a random port, driven over HTTP. */
class ServerTest {
  private static Server server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir
  static Path data;

  @BeforeAll
  static void start() throws Exception {
    server = Server.start(ServerConfig.of(0, Path.of("rules"), Path.of("fixtures/demo/catalog.json"), data));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthSaysOkWithRulesHash() throws Exception {
    HttpResponse<String> r = send("GET", "/health", null);
    assertEquals(200, r.statusCode());
    JsonNode body = Json.parse(r.body());
    assertEquals("ok", body.get("status").asText());
    assertEquals(16, body.get("rulesHash").asText().length());
  }

  @Test
  void evaluateRunsEveryStepStatelessly() throws Exception {
    String scenario = """
        { "name": "share then re-share",
          "catalog": {
            "portfolios": [ { "id": "p1", "owner": "111111111111", "region": "us-east-1" } ] },
          "steps": [
            { "id": "share", "call": "CreatePortfolioShare",
              "caller": { "account": "111111111111", "region": "us-east-1" },
              "input": { "PortfolioId": "p1", "AccountId": "222222222222" },
              "expect": { "decision": "ALLOW", "effects": [ { "kind": "SHARE_CREATED", "portfolio": "p1" } ] } },
            { "id": "accept", "call": "AcceptPortfolioShare",
              "caller": { "account": "222222222222", "region": "us-east-1" },
              "input": { "PortfolioId": "p1" },
              "expect": { "decision": "ALLOW" } },
            { "id": "reshare", "call": "CreatePortfolioShare",
              "caller": { "account": "222222222222", "region": "us-east-1" },
              "input": { "PortfolioId": "p1", "AccountId": "333333333333" },
              "expect": { "decision": "ALLOW" } } ] }
        """;
    HttpResponse<String> r = send("POST", "/v1/evaluate", scenario);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = Json.parse(r.body());
    assertEquals(3, body.get("summary").get("steps").asInt());
    assertEquals(1, body.get("summary").get("failed").asInt());
    JsonNode last = body.get("results").get(2);
    assertEquals("reshare", last.get("id").asText());
    assertEquals("DENY", last.get("decision").asText());
    assertEquals("RESHARE_IMPORTED_PORTFOLIO", last.get("reasons").get(0).get("code").asText());
    assertFalse(last.get("expectation").get("passed").asBoolean());
    assertEquals(1, last.get("expectation").get("mismatches").size());
    // stateless: the same scenario again gives the same answer
    assertEquals(1, Json.parse(send("POST", "/v1/evaluate", scenario).body()).get("summary").get("failed").asInt());
  }

  @Test
  void malformedJsonIsA400AtTheRoot() throws Exception {
    HttpResponse<String> r = send("POST", "/v1/evaluate", "{\"steps\": [");
    assertEquals(400, r.statusCode());
    JsonNode body = Json.parse(r.body());
    assertEquals("BadRequest", body.get("error").asText());
    assertEquals("$", body.get("path").asText());
  }

  @Test
  void aMissingInputIsA400WithItsPath() throws Exception {
    HttpResponse<String> r = send("POST", "/v1/evaluate", "{\"steps\": [{\"call\": \"AcceptPortfolioShare\","
        + " \"caller\": {\"account\": \"111111111111\", \"region\": \"us-east-1\"}, \"input\": {}}]}");
    assertEquals(400, r.statusCode());
    assertEquals("$.steps[0].input.PortfolioId", Json.parse(r.body()).get("path").asText());
  }

  @Test
  void wrongTypesAndEmptyBodiesAre400s() throws Exception {
    assertEquals(400, send("POST", "/v1/evaluate", "").statusCode());
    assertEquals(400, send("POST", "/v1/evaluate", "[]").statusCode());
    assertEquals(400, send("POST", "/v1/evaluate", "{\"steps\": 5}").statusCode());
    HttpResponse<String> r = send("POST", "/v1/evaluate", "{\"catalog\": {\"accounts\": [{\"id\": 5}]}, \"steps\": []}");
    assertEquals(400, r.statusCode());
    assertEquals("$.catalog.accounts[0].id", Json.parse(r.body()).get("path").asText());
  }

  @Test
  void rulesAreListedWithTheirCodes() throws Exception {
    JsonNode body = Json.parse(send("GET", "/v1/rules", null).body());
    assertTrue(body.get("files").size() >= 6);
    boolean found = false;
    for (JsonNode rule : body.get("rules")) {
      if (rule.get("name").asText().startsWith("S3 ") && rule.get("codes").toString().contains("RESHARE_IMPORTED_PORTFOLIO")) found = true;
    }
    assertTrue(found, "S3 rule with its reason code");
  }

  @Test
  void unknownRouteIs404Json() throws Exception {
    HttpResponse<String> r = send("GET", "/v1/nothing", null);
    assertEquals(404, r.statusCode());
    assertEquals("NotFound", Json.parse(r.body()).get("error").asText());
  }
}
