package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The live catalog service over real HTTP on a random port (api.md §5). */
class LiveServerTest {
  @TempDir
  Path tmp;
  private Server server;

  @AfterEach
  void stop() {
    if (server != null) server.stop();
  }

  private Http start(ServerConfig config) throws Exception {
    server = Server.start(config);
    return new Http(server.port());
  }

  private ServerConfig config() {
    return ServerConfig.of(0, Path.of("rules"), Path.of("fixtures/demo/catalog.json"), tmp.resolve("data"))
        .withStorage(false, 64L << 20, 10, 10_000, false);
  }

  static String createPortfolio(String id, boolean dryRun) {
    return "{\"call\":\"CreatePortfolio\",\"dryRun\":" + dryRun + ",\"caller\":{\"account\":\"111111111111\","
        + "\"region\":\"us-east-1\"},\"input\":{\"Id\":\"" + id + "\",\"DisplayName\":\"" + id + "\"}}";
  }

  static Set<String> portfolios(JsonNode catalog) {
    Set<String> ids = new HashSet<>();
    catalog.get("portfolios").forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  @Test
  void callsAreAppliedReadBackAndSurviveARestart() throws Exception {
    Http http = start(config());
    long v0 = http.json("GET", "/health", null, 200).get("catalogVersion").asLong();
    HttpResponse<String> r = http.post("/v1/calls", createPortfolio("port-new", false));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("ALLOW", Json.parse(r.body()).get("decision").asText());
    assertEquals(Long.toString(v0 + 1), r.headers().firstValue("X-Catalog-Version").orElseThrow());
    assertTrue(portfolios(http.json("GET", "/v1/catalog", null, 200)).contains("port-new"));

    JsonNode dry = http.json("POST", "/v1/calls", createPortfolio("port-dry", true), 200);
    assertEquals("ALLOW", dry.get("decision").asText());
    assertFalse(portfolios(http.json("GET", "/v1/catalog", null, 200)).contains("port-dry"), "dryRun answers without applying");

    JsonNode deny = http.json("POST", "/v1/calls", createPortfolio("port-new", false), 200);
    assertEquals("DENY", deny.get("decision").asText());
    assertEquals("DUPLICATE_RESOURCE", deny.get("reasons").get(0).get("code").asText());
    assertEquals(v0 + 1, http.json("GET", "/health", null, 200).get("catalogVersion").asLong());

    server.stop();
    http = start(config());
    assertTrue(portfolios(http.json("GET", "/v1/catalog", null, 200)).contains("port-new"));
    assertEquals(v0 + 1, http.json("GET", "/health", null, 200).get("catalogVersion").asLong());
  }

  private static JsonNode awaitSessions(Http http, int ready) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode h = http.json("GET", "/health", null, 200);
      if (h.get("sessions").get("ready").asInt() == ready) return h;
      Thread.sleep(100);
    }
    throw new AssertionError("read replicas not ready within 60 s");
  }

  @Test
  void readReplicasDecideDryRunsOnEveryChangeAppliedBeforeThem() throws Exception {
    Http http = start(config().withReadReplicas(2));
    JsonNode health = awaitSessions(http, 3);
    assertEquals(3, health.get("sessions").get("wanted").asInt());
    long v0 = health.get("catalogVersion").asLong();
    for (int k = 0; k < 4; k++) {
      String id = "port-r" + k;
      assertEquals("ALLOW", http.json("POST", "/v1/calls", createPortfolio(id, false), 200).get("decision").asText());
      for (int i = 0; i < 9; i++) { // spread over the primary and both replicas
        HttpResponse<String> dry = http.post("/v1/calls", createPortfolio(id, true));
        assertEquals("DUPLICATE_RESOURCE", Json.parse(dry.body()).get("reasons").get(0).get("code").asText(), dry.body());
        assertEquals(Long.toString(v0 + k + 1), dry.headers().firstValue("X-Catalog-Version").orElseThrow());
      }
    }
    assertEquals(200, http.post("/v1/rules/reload", "").statusCode());
    awaitSessions(http, 3); // a reload builds new replicas on the reloaded rules
    for (int i = 0; i < 9; i++) {
      JsonNode dry = http.json("POST", "/v1/calls", createPortfolio("port-r3", true), 200);
      assertEquals("DUPLICATE_RESOURCE", dry.get("reasons").get(0).get("code").asText());
    }
  }

  @Test
  void launchPathsAnswerFromTheLiveCatalogAndFaultsNameTheQueryParameter() throws Exception {
    Http http = start(config());
    JsonNode paths = http.json("GET", "/v1/launch-paths?account=222222222222&region=us-east-1"
        + "&principal=arn:aws:iam::222222222222:role/Developer&product=prod-ec2", null, 200);
    assertEquals("ALLOW", paths.get("decision").asText());
    assertTrue(paths.get("paths").size() >= 1);
    JsonNode bad = http.json("GET", "/v1/launch-paths?account=222222222222&region=us-east-1&product=prod-ec2", null, 400);
    assertEquals("$.query.principal", bad.get("path").asText());
    JsonNode none = http.json("GET", "/v1/launch-paths?account=222222222222&region=us-east-1"
        + "&principal=arn:aws:iam::222222222222:role/Nobody&product=prod-ec2", null, 200);
    assertEquals("NO_LAUNCH_PATH", none.get("reasons").get(0).get("code").asText());
  }

  @Test
  void putCatalogReplacesItAndAnswersTheAudit() throws Exception {
    Http http = start(config());
    String catalog = """
        { "portfolios": [ { "id": "p1", "owner": "111111111111", "region": "us-east-1" } ],
          "imports": [ { "portfolio": "p1", "account": "222222222222", "region": "eu-west-1" } ] }""";
    JsonNode audit = http.json("PUT", "/v1/catalog", catalog, 200);
    assertEquals("ALLOW", audit.get("decision").asText());
    assertEquals("IMPORT_REGION_MISMATCH", audit.get("findings").get(0).get("code").asText());
    assertEquals(Set.of("p1"), portfolios(http.json("GET", "/v1/catalog", null, 200)));
    JsonNode bad = http.json("PUT", "/v1/catalog", "{\"portfolios\": [{\"id\": 1}]}", 400);
    assertEquals("$.portfolios[0].id", bad.get("path").asText());
    assertEquals(Set.of("p1"), portfolios(http.json("GET", "/v1/catalog", null, 200)), "a bad snapshot changes nothing");
  }

  @Test
  void aBrokenRuleFileIs422AndTheOldRulesKeepServingUntilFixed() throws Exception {
    Path rules = tmp.resolve("rules");
    Http http = startOnACopyOfTheRules(rules, false);
    String hash = http.json("GET", "/health", null, 200).get("rulesHash").asText();
    Path sharing = rules.resolve("sharing.drl");
    String good = Files.readString(sharing);
    Files.writeString(sharing, good + "\nrule \"S9 broken\"\nwhen\n  Portfolio(nosuchfield == 1)\nthen\nend\n");
    JsonNode failed = http.json("POST", "/v1/rules/reload", null, 422);
    assertEquals("RulesDoNotCompile", failed.get("error").asText());
    JsonNode err = failed.get("errors").get(0);
    assertEquals("sharing.drl", err.get("file").asText());
    assertTrue(err.get("line").asInt() > 0, err.toString());
    assertEquals(hash, http.json("GET", "/health", null, 200).get("rulesHash").asText(), "old rules keep serving");
    assertEquals("ALLOW", http.json("POST", "/v1/calls", createPortfolio("port-during", false), 200).get("decision").asText());

    Files.writeString(sharing, good.replace("S3 an imported portfolio cannot be re-shared", "S3 an imported portfolio can never be re-shared"));
    JsonNode ok = http.json("POST", "/v1/rules/reload", null, 200);
    assertEquals("reloaded", ok.get("status").asText());
    assertNotEquals(hash, http.json("GET", "/health", null, 200).get("rulesHash").asText());
    assertTrue(http.json("GET", "/v1/rules", null, 200).toString().contains("S3 an imported portfolio can never be re-shared"));
  }

  @Test
  void aWatchedRulesDirectoryReloadsBySelf() throws Exception {
    Path rules = tmp.resolve("rules");
    Http http = startOnACopyOfTheRules(rules, true);
    String hash = http.json("GET", "/health", null, 200).get("rulesHash").asText();
    Path sharing = rules.resolve("sharing.drl");
    Files.writeString(sharing, Files.readString(sharing) + "\n// an edit\n");
    long deadline = System.currentTimeMillis() + 60_000;
    while (hash.equals(http.json("GET", "/health", null, 200).get("rulesHash").asText())) {
      assertTrue(System.currentTimeMillis() < deadline, "the watch reloads within a minute");
      Thread.sleep(100);
    }
  }

  @Test
  void tokensGuardEveryEndpointButHealthAndChangesNeedTheAdminToken() throws Exception {
    Http anon = start(config().withTokens("read-secret", "admin-secret"));
    assertEquals(200, anon.get("/health").statusCode());
    for (Route r : server.routes()) {
      if (r.needs() == null) continue;
      HttpResponse<String> resp = anon.send(r.method(), r.path(), "{}");
      assertEquals(401, resp.statusCode(), r.method() + " " + r.path());
      assertEquals(401, anon.as("wrong").send(r.method(), r.path(), "{}").statusCode(), r.method() + " " + r.path());
    }
    Http reader = anon.as("read-secret");
    Http admin = anon.as("admin-secret");
    assertEquals(200, reader.get("/v1/catalog").statusCode());
    assertEquals(200, reader.post("/v1/calls", createPortfolio("port-r", true)).statusCode(), "a dry run only reads");
    assertEquals(403, reader.post("/v1/calls", createPortfolio("port-r", false)).statusCode());
    assertEquals(403, reader.send("PUT", "/v1/catalog", "{}").statusCode());
    assertEquals(403, reader.post("/v1/rules/reload", null).statusCode());
    assertEquals(200, admin.post("/v1/calls", createPortfolio("port-a", false)).statusCode());
    assertTrue(portfolios(admin.json("GET", "/v1/catalog", null, 200)).contains("port-a"));
    assertFalse(portfolios(admin.json("GET", "/v1/catalog", null, 200)).contains("port-r"));
  }

  @Test
  void oversizedAndDeepBodiesAreRefusedAndChangeNothing() throws Exception {
    Http http = start(config().withLimits(64 * 1024, 50));
    long v = http.json("GET", "/health", null, 200).get("catalogVersion").asLong();
    String big = "{\"call\":\"CreatePortfolio\",\"pad\":\"" + "x".repeat(200_000) + "\"}";
    HttpResponse<String> r = http.post("/v1/calls", big);
    assertEquals(413, r.statusCode(), r.body());
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    JsonNode depth = http.json("POST", "/v1/calls", deep, 400);
    assertEquals("$", depth.get("path").asText());
    assertTrue(depth.get("message").asText().contains("depth"), depth.toString());
    assertEquals(400, http.post("/v1/calls", "{\"call\": \"NoSuchCall\", \"caller\": {}}").statusCode());
    assertEquals(v, http.json("GET", "/health", null, 200).get("catalogVersion").asLong());
  }

  @Test
  void metricsShowTheLaunchPathQuestionsKeptForCallers() throws Exception {
    Http http = start(config().withReadReplicas(0));
    assertTrue(http.get("/metrics").body().contains("catalogpolicy_kept_path_queries 0.0"));
    String list = "{\"call\":\"ListLaunchPaths\",\"caller\":{\"account\":\"222222222222\",\"region\":\"us-east-1\","
        + "\"principal\":\"arn:aws:iam::222222222222:role/Developer\"},\"input\":{\"ProductId\":\"prod-ec2\"}}";
    assertEquals("ALLOW", http.json("POST", "/v1/calls", list, 200).get("decision").asText());
    assertEquals("ALLOW", http.json("POST", "/v1/calls", list, 200).get("decision").asText());
    assertTrue(http.get("/metrics").body().contains("catalogpolicy_kept_path_queries 1.0"), "one caller's one question is kept");
  }

  @Test
  void aDryRunAskedAgainIsAnsweredAgainUntilTheCatalogChanges() throws Exception {
    Http http = start(config().withReadReplicas(0));
    String dry = createPortfolio("port-again", true);
    JsonNode first = http.json("POST", "/v1/calls", dry, 200), second = http.json("POST", "/v1/calls", dry, 200);
    assertTrue(http.get("/metrics").body().contains("catalogpolicy_answers_reused_total 0.0"), "decided twice, then kept");
    JsonNode again = http.json("POST", "/v1/calls", dry, 200);
    assertEquals("ALLOW", first.get("decision").asText());
    assertEquals(first.get("effects"), second.get("effects"));
    assertEquals(first.get("effects"), again.get("effects"));
    assertNotEquals(first.get("decisionId"), again.get("decisionId"), "each answer has its own decision id");
    assertTrue(http.get("/metrics").body().contains("catalogpolicy_answers_reused_total 1.0"));
    http.json("POST", "/v1/calls", createPortfolio("port-again", false), 200);
    JsonNode after = http.json("POST", "/v1/calls", dry, 200);
    http.json("POST", "/v1/calls", dry, 200);
    assertEquals("DENY", after.get("decision").asText(), "the portfolio exists now: decided again, " + after);
    assertTrue(http.get("/metrics").body().contains("catalogpolicy_answers_reused_total 1.0"));
  }

  @Test
  void metricsCountRequestsAndDecisionsAndTheDecisionLogHasEachDecision() throws Exception {
    Http http = start(config());
    JsonNode allowed = http.json("POST", "/v1/calls", createPortfolio("port-m", false), 200);
    http.json("POST", "/v1/calls", createPortfolio("port-m", false), 200);
    String metrics = http.get("/metrics").body();
    assertTrue(metrics.contains("catalogpolicy_decisions_seconds_count{applied=\"true\",call=\"CreatePortfolio\",decision=\"ALLOW\"} 1"), metrics);
    assertTrue(metrics.contains("catalogpolicy_decisions_seconds_count{applied=\"false\",call=\"CreatePortfolio\",decision=\"DENY\"} 1"));
    assertTrue(metrics.contains("catalogpolicy_http_requests_seconds_bucket{method=\"POST\",route=\"/v1/calls\",status=\"200\""));
    assertTrue(metrics.contains("catalogpolicy_catalog_version"));
    assertTrue(metrics.contains("catalogpolicy_journal_bytes"));
    assertTrue(metrics.contains("catalogpolicy_rule_reloads_total{result=\"failed\"}"));
    assertTrue(metrics.contains("catalogpolicy_decision_log_dropped_total 0.0"));
    server.stop();
    server = null;
    var lines = Files.readAllLines(tmp.resolve("data/decisions/decisions.log"));
    assertEquals(2, lines.size());
    JsonNode first = Json.parse(lines.get(0));
    for (String key : new String[] {"decisionId", "time", "rulesHash", "catalogVersion", "caller", "call", "input", "decision", "reasons"}) {
      assertTrue(first.has(key), key + " in " + first);
    }
    JsonNode request = Json.parse(createPortfolio("port-m", false));
    assertEquals(allowed.get("decisionId"), first.get("decisionId"));
    assertEquals("calls", first.get("endpoint").asText());
    assertEquals(Json.parse("{\"account\":\"111111111111\",\"region\":\"us-east-1\",\"principal\":null,\"groups\":[]}"),
        first.get("caller"), "the caller as the engine read it");
    assertEquals(request.get("input"), first.get("input"));
    assertEquals("CreatePortfolio", first.get("call").asText());
    assertFalse(first.get("dryRun").asBoolean());
    assertTrue(first.get("applied").asBoolean());
    assertEquals(2, first.get("catalogVersion").asLong(), "the version the applied call made");
    assertEquals(allowed.get("reasons").size(), first.get("reasons").size());
    for (int i = 0; i < first.get("reasons").size(); i++) {
      assertEquals(allowed.get("reasons").get(i).get("code"), first.get("reasons").get(i).get("code"));
      assertEquals(allowed.get("reasons").get(i).get("rule"), first.get("reasons").get(i).get("rule"));
      assertEquals(2, first.get("reasons").get(i).size(), "a reason's code and rule, no more");
    }
    assertEquals("DENY", Json.parse(lines.get(1)).get("decision").asText());
  }

  @Test
  void theOpenApiDocumentDescribesExactlyTheServedRoutes() throws Exception {
    Http http = start(config());
    JsonNode doc = http.json("GET", "/openapi.json", null, 200);
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    try (var in = Api.class.getResourceAsStream("/openapi.json")) { // 31 KiB, copied out in 4 KiB passes: byte for byte
      assertEquals(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), http.get("/openapi.json").body());
    }
    Set<String> documented = new HashSet<>();
    for (Iterator<String> ps = doc.get("paths").fieldNames(); ps.hasNext(); ) {
      String p = ps.next();
      doc.get("paths").get(p).fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p));
    }
    Set<String> served = new HashSet<>();
    for (Route r : server.routes()) served.add(r.method() + " " + r.path());
    assertEquals(served, documented);
    // every status the server answered in this test run is one the document lists for that route
    assertDocumented(doc, "post", "/v1/calls", http.post("/v1/calls", "{").statusCode());
    assertDocumented(doc, "post", "/v1/calls", http.post("/v1/calls", createPortfolio("port-o", true)).statusCode());
    assertDocumented(doc, "get", "/v1/launch-paths", http.get("/v1/launch-paths").statusCode());
    assertDocumented(doc, "put", "/v1/catalog", http.send("PUT", "/v1/catalog", "[]").statusCode());
    assertDocumented(doc, "get", "/health", http.get("/health").statusCode());
    assertDocumented(doc, "post", "/v1/rules/reload", http.post("/v1/rules/reload", null).statusCode());
    // every $ref resolves
    String text = doc.toString();
    var m = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)").matcher(text);
    while (m.find()) assertTrue(doc.get("components").get("schemas").has(m.group(1)), m.group(1));
  }

  private static void assertDocumented(JsonNode doc, String method, String path, int status) {
    assertTrue(doc.get("paths").get(path).get(method).get("responses").has(Integer.toString(status)),
        method + " " + path + " answered " + status + " which the document does not list");
  }

  private Http startOnACopyOfTheRules(Path rules, boolean watch) throws Exception {
    copy(Path.of("rules"), rules);
    return start(ServerConfig.of(0, rules, Path.of("fixtures/demo/catalog.json"), tmp.resolve("data"))
        .withStorage(false, 64L << 20, 10, 10_000, watch));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
  }
}
