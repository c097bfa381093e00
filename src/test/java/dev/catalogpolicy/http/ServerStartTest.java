package dev.catalogpolicy.http;

import dev.catalogpolicy.engine.RuleCompileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A server's start that cannot go on: a clear message, the rules' errors first, nothing written. */
class ServerStartTest {
  @TempDir
  Path tmp;

  @Test
  void aBadSeedStopsTheStartWithItsFileAndPath() throws Exception {
    Path seed = Files.writeString(tmp.resolve("catalog.json"), "{\"portfolios\": [{\"id\": 7}]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Server.start(ServerConfig.of(0, Path.of("rules"), seed, tmp.resolve("data"))));
    assertTrue(e.getMessage().startsWith(seed + ": $.portfolios[0]"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("data/catalog/snapshot.json")), "nothing is written for a catalog that did not load");
  }

  @Test
  void rulesThatDoNotCompileAreReportedBeforeABadSeed() throws Exception {
    Path rules = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(rules.resolve("broken.drl"), "package catalogpolicy;\nrule \"x\" when then nothing(\nend\n");
    Path seed = Files.writeString(tmp.resolve("catalog.json"), "not json");
    RuleCompileException e = assertThrows(RuleCompileException.class,
        () -> Server.start(ServerConfig.of(0, rules, seed, tmp.resolve("data"))));
    assertEquals("broken.drl", e.errors().get(0).file());
  }
}
