package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full disk under the data directory (a small tmpfs, where this machine lets the test mount one):
 * a change that cannot be journaled is a 503 and is not applied; reads go on; once space returns,
 * changes are applied again, and a restart holds exactly the acknowledged ones.
 */
class FullDiskTest {
  @TempDir
  Path tmp;
  private Path mount;
  private Server server;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    mount = tmp.resolve("disk");
    Files.createDirectories(mount);
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString())
        .redirectErrorStream(true).start();
    boolean mounted = p.waitFor() == 0;
    assumeTrue(mounted, "cannot mount a tmpfs here (needs root); the full-disk test is skipped");
  }

  @AfterEach
  void unmount() throws Exception {
    if (server != null) server.stop();
    new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
  }

  private static String product(String id) {
    // a long name (AWS allows 8,191 characters) makes each journal entry need fresh pages on the tmpfs
    return CrashRecoveryTest.createProduct(id).replace("\"Name\":\"" + id + "\"", "\"Name\":\"" + "n".repeat(8000) + "\"");
  }

  private static Set<String> products(JsonNode catalog) {
    Set<String> ids = new HashSet<>();
    catalog.get("products").forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  private Http start() throws Exception {
    server = Server.start(ServerConfig.of(0, Path.of("rules"), Path.of("fixtures/demo/catalog.json"), mount.resolve("data"))
        .withStorage(false, 64L << 20, 10, 10_000, false));
    return new Http(server.port());
  }

  @Test
  void aChangeThatCannotBeJournaledIsRefusedAndTheServiceRecovers() throws Exception {
    Http http = start();
    assertEquals(200, http.post("/v1/calls", product("prod-before")).statusCode());
    Path filler = mount.resolve("filler");
    fill(filler);
    var refused = http.post("/v1/calls", product("prod-refused"));
    assertEquals(503, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("JournalUnavailable"), refused.body());
    assertFalse(products(http.json("GET", "/v1/catalog", null, 200)).contains("prod-refused"), "not applied");
    assertEquals(200, http.post("/v1/calls", product("prod-dry").replace("{\"call\"", "{\"dryRun\":true,\"call\"")).statusCode(),
        "decisions that change nothing go on");
    assertTrue(http.get("/metrics").body().contains("catalogpolicy_journal_failures_total 1.0"));

    Files.delete(filler);
    assertEquals(200, http.post("/v1/calls", product("prod-after")).statusCode());
    server.stop();
    http = start();
    Set<String> ids = products(http.json("GET", "/v1/catalog", null, 200));
    assertTrue(ids.containsAll(Set.of("prod-before", "prod-after")), ids.toString());
    assertFalse(ids.contains("prod-refused"));
  }

  private static void fill(Path filler) {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) out.write(block);
    } catch (IOException full) {
      // the disk is full
    }
  }
}
