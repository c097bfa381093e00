package dev.catalogpolicy.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.http.Server;
import dev.catalogpolicy.http.ServerConfig;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.scenario.ScenarioFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed input at the HTTP boundary (issue 7): bad bodies made from every fixture (scenarios for
 * POST /v1/evaluate, their calls for POST /v1/calls, their catalogs for PUT /v1/catalog), sent to a
 * real server on a random port. A refused request leaves the live catalog as it was.
 * {@code -Dcatalogpolicy.fuzzRequests=N} sets the count per endpoint (the fuzz profile: 100,000 in
 * all), {@code -Dcatalogpolicy.fuzzSeed=N} replays a run.
 */
class MalformedInputTest {
  private static final int REQUESTS = Integer.getInteger("catalogpolicy.fuzzRequests", 2000);
  private static final int THREADS = Integer.getInteger("catalogpolicy.fuzzThreads", 2);
  private static final long SEED = Long.getLong("catalogpolicy.fuzzSeed", new Random().nextLong());
  private static Server server;
  private static Fuzzer fuzzer;
  private static List<JsonNode> scenarios;
  @TempDir
  static Path data;

  @BeforeAll
  static void start() throws Exception {
    server = Server.start(ServerConfig.of(0, TestRules.RULES, Path.of("fixtures/demo/catalog.json"), data));
    fuzzer = new Fuzzer(server.port(), Duration.ofSeconds(60));
    scenarios = new ArrayList<>();
    for (Path f : ScenarioFiles.find(List.of(TestRules.FIXTURES))) scenarios.add(Json.parse(Files.readString(f)));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static Fuzzer.Report fuzz(String method, String path, List<JsonNode> seeds, int share, boolean watch) throws Exception {
    int requests = Math.max(1, REQUESTS * share / 100);
    Fuzzer.Report report = fuzzer.run(method, path, new MalformedBodies(seeds), requests, SEED, THREADS, watch);
    System.out.println(method + " " + path + " fuzz (seed " + SEED + "): " + report.summary() + "\n  by kind: " + report.byKind()
        + "\n  ms by kind: " + report.millisByKind());
    assertTrue(report.faults().isEmpty(), report.faults().size() + " fault(s) of " + requests + " requests to " + method + " "
        + path + " (seed " + SEED + "):\n  " + String.join("\n  ", report.faults()));
    return report;
  }

  @Test
  void evaluateAnswersEveryMalformedScenarioWithA4xx() throws Exception {
    String before = fuzzer.liveCatalog();
    fuzz("POST", "/v1/evaluate", scenarios, 60, false);
    assertEquals(before, fuzzer.liveCatalog(), "POST /v1/evaluate is stateless: the live catalog changed");
  }

  @Test
  void callsAnswerEveryMalformedCallWithA4xxAndRefusedOnesChangeNothing() throws Exception {
    List<JsonNode> calls = new ArrayList<>();
    for (JsonNode s : scenarios) {
      for (JsonNode step : s.path("steps")) {
        ObjectNode call = step.deepCopy();
        call.remove(List.of("id", "expect"));
        calls.add(call);
      }
    }
    fuzz("POST", "/v1/calls", calls, 25, true);
  }

  @Test
  void putCatalogAnswersEveryMalformedSnapshotWithA4xxAndKeepsTheLiveOne() throws Exception {
    List<JsonNode> catalogs = new ArrayList<>();
    for (JsonNode s : scenarios) if (s.path("catalog").isObject()) catalogs.add(s.get("catalog"));
    fuzz("PUT", "/v1/catalog", catalogs, 15, true);
  }

  /** Valid but hostile: a principal pattern of many wildcards must be decided, not backtracked for hours. */
  @Test
  void principalPatternsOfManyWildcardsAreAnswered() throws Exception {
    String pattern = "arn:aws:iam:::role/" + "*a".repeat(200) + "*b";
    String scenario = """
        { "catalog": { "portfolios": [ { "id": "p", "owner": "111111111111", "region": "us-east-1" } ],
            "products": [ { "id": "x", "owner": "111111111111", "versions": [ { "id": "v" } ] } ],
            "portfolioProducts": [ { "portfolio": "p", "product": "x", "account": "111111111111" } ],
            "principals": [ { "portfolio": "p", "account": "111111111111", "arn": "%s", "type": "IAM_PATTERN" } ] },
          "steps": [ { "call": "SearchProducts", "caller": { "account": "111111111111", "region": "us-east-1",
              "principal": "arn:aws:iam::111111111111:role/%s" } } ] }
        """.formatted(pattern, "a".repeat(2000));
    var r = fuzzer.post("/v1/evaluate", scenario);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("[]", Json.parse(r.body()).path("results").get(0).path("products").toString());
  }

  @Test
  void aBodyOverTheSizeLimitIsA413WithAMessage() throws Exception {
    byte[] big = new byte[(int) ServerConfig.DEFAULT_MAX_BODY + 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    var r = fuzzer.send("POST", "/v1/evaluate", big);
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(Json.parse(r.body()).path("message").asText().contains("bytes"), r.body());
  }
}
