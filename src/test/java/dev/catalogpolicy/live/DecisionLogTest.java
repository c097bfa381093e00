package dev.catalogpolicy.live;

import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The decision log rotates by size, keeps the newest files, and counts what it could not take. */
class DecisionLogTest {
  @TempDir
  Path dir;

  private static DecisionLog.Line line(com.fasterxml.jackson.databind.node.ObjectNode node) {
    return g -> g.writeTree(node);
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void linesRotateBySizeAndOnlyTheNewestFilesAreKept() throws Exception {
    int total = 2_000;
    try (DecisionLog log = new DecisionLog(dir, 10_000, 3, 100_000)) {
      for (int i = 0; i < total; i++) log.append(line(Json.MAPPER.createObjectNode().put("decisionId", "d" + i).put("pad", "x".repeat(50))));
    }
    List<Path> fs = files(dir);
    assertEquals(4, fs.size(), "the current file and 3 rotated ones: " + fs);
    for (Path f : fs) assertTrue(Files.size(f) <= 10_000, f + " is over the rotation size");
    List<String> current = Files.readAllLines(dir.resolve("decisions.log"));
    assertEquals("d" + (total - 1), Json.parse(current.get(current.size() - 1)).get("decisionId").asText(), "the newest line is last");
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
    long written;
    long dropped;
    int total = 200_000;
    try (DecisionLog log = new DecisionLog(dir, 1L << 30, 2, 16)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < total; i++) log.append(line(Json.MAPPER.createObjectNode().put("decisionId", "d" + i)));
      assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "appending never waits for the disk");
      log.close();
      written = log.written();
      dropped = log.dropped();
    }
    assertTrue(dropped > 0, "a 16-line queue cannot take 200,000 lines at once");
    assertEquals(total, written + dropped, "every line is either written or counted as dropped");
    assertEquals(written, Files.readAllLines(dir.resolve("decisions.log")).size());
  }

  @Test
  void aLineThatCannotBeWrittenIsCountedAndTheNextOnesAreWritten() throws Exception {
    try (DecisionLog log = new DecisionLog(dir, 1L << 20, 2, 100)) {
      log.append(g -> {
        g.writeStartObject();
        g.writeStringField("decisionId", "d1");
      });
      log.append(g -> { throw new IllegalStateException("broken line"); });
      log.append(g -> {
        g.writeStartObject();
        g.writeStringField("decisionId", "d2");
        g.writeEndObject();
      });
      log.close();
      assertEquals(1, log.failed(), "the line that threw");
      assertEquals(2, log.written());
    }
    List<String> lines = Files.readAllLines(dir.resolve("decisions.log"));
    assertEquals(List.of("{\"decisionId\":\"d1\"}", "{\"decisionId\":\"d2\"}"), lines,
        "a line left open is closed by its generator; nothing of the broken one is written");
  }
}
