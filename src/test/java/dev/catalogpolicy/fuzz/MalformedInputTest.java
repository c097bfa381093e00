package dev.catalogpolicy.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Malformed input at the HTTP boundary (issue 7): bad bodies made from every fixture, sent to a real
 * server on a random port. {@code -Dcatalogpolicy.fuzzRequests=N} sets the count (the fuzz profile
 * sends 100,000), {@code -Dcatalogpolicy.fuzzSeed=N} replays a run.
 */
class MalformedInputTest {
  private static final int REQUESTS = Integer.getInteger("catalogpolicy.fuzzRequests", 2000);
  private static final int THREADS = Integer.getInteger("catalogpolicy.fuzzThreads", 2);
  private static Server server;
  @TempDir
  static Path data;

  @BeforeAll
  static void start() throws Exception {
    server = Server.start(new ServerConfig(0, TestRules.RULES, Path.of("fixtures/demo/catalog.json"), data));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static List<JsonNode> scenarios() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (Path f : ScenarioFiles.find(List.of(TestRules.FIXTURES))) out.add(Json.parse(Files.readString(f)));
    return out;
  }

  @Test
  void evaluateAnswersEveryMalformedBodyWithA4xxAndLeavesTheCatalogAlone() throws Exception {
    Fuzzer fuzzer = new Fuzzer(server.port(), Duration.ofSeconds(60));
    String healthBefore = Json.parse(fuzzer.get("/health").body()).path("catalogVersion").asText();
    long seed = Long.getLong("catalogpolicy.fuzzSeed", new Random().nextLong());
    Fuzzer.Report report = fuzzer.run("POST", "/v1/evaluate", new MalformedBodies(scenarios()), REQUESTS, seed, THREADS);
    System.out.println("POST /v1/evaluate fuzz (seed " + seed + "): " + report.summary() + "\n  by kind: " + report.byKind());
    assertTrue(report.faults().isEmpty(), report.faults().size() + " fault(s) of " + REQUESTS + " requests (seed " + seed + "):\n  "
        + String.join("\n  ", report.faults()));
    assertEquals(healthBefore, Json.parse(fuzzer.get("/health").body()).path("catalogVersion").asText(),
        "the live catalog changed");
  }
}
