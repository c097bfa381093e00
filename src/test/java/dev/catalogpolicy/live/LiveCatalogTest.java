package dev.catalogpolicy.live;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.Portfolio;
import dev.catalogpolicy.scenario.CallParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A live catalog applies ALLOWs durably and replays to exactly what it acknowledged. */
class LiveCatalogTest {
  private static RuleSet rules;
  private static Catalog demo;
  @TempDir
  Path dir;

  @BeforeAll
  static void load() throws Exception {
    rules = RuleCompiler.compile(Path.of("rules"));
    demo = CatalogJson.read(Files.readString(Path.of("fixtures/demo/catalog.json")));
  }

  static Call call(String json) {
    return CallParser.parse(Json.parse(json), "$");
  }

  static Call createPortfolio(String id, boolean dryRun) {
    return call("{\"call\":\"CreatePortfolio\",\"dryRun\":" + dryRun + ",\"caller\":{\"account\":\"111111111111\","
        + "\"region\":\"us-east-1\"},\"input\":{\"Id\":\"" + id + "\",\"DisplayName\":\"" + id + "\"}}");
  }

  private LiveCatalog open(int compactEvery) throws Exception {
    return LiveCatalog.open(dir, rules, "demo", () -> demo, compactEvery);
  }

  private static String snapshot(LiveCatalog live) {
    return Json.compact(CatalogJson.write(live.state().catalog()));
  }

  private static boolean hasPortfolio(LiveCatalog live, String id) {
    return live.state().catalog().list(Portfolio.class).stream().anyMatch(p -> p.id().equals(id));
  }

  @Test
  void aQuerySentWithoutDryRunDoesNotWaitForAChangeInProgress() throws Exception {
    try (LiveCatalog live = open(1000)) {
      var field = LiveCatalog.class.getDeclaredField("writer");
      field.setAccessible(true);
      java.util.concurrent.locks.ReentrantLock writer = (java.util.concurrent.locks.ReentrantLock) field.get(live);
      Call audit = call("{\"call\": \"AuditCatalog\", \"caller\": {\"account\": \"111111111111\", \"region\": \"us-east-1\"}}");
      long version = live.state().version();
      ExecutorService asker = Executors.newSingleThreadExecutor();
      writer.lock(); // a change in progress
      try {
        var answer = asker.submit(() -> live.submit(audit));
        LiveCatalog.Decided d = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("ALLOW", d.result().decision().decision());
        assertFalse(d.applied());
        assertEquals(version, d.state().version());
      } finally {
        writer.unlock();
        asker.shutdownNow();
      }
    }
  }

  @Test
  void anAllowIsAppliedAndAReopenReplaysExactlyIt() throws Exception {
    String before;
    try (LiveCatalog live = open(1000)) {
      assertTrue(live.opened().seeded());
      long v0 = live.state().version();
      var d = live.submit(createPortfolio("port-a", false));
      assertTrue(d.applied());
      assertEquals(v0 + 1, d.state().version());
      assertTrue(hasPortfolio(live, "port-a"));
      var denied = live.submit(createPortfolio("port-a", false));
      assertEquals("DENY", denied.result().decision().decision());
      assertFalse(denied.applied());
      assertEquals(v0 + 1, live.state().version(), "a DENY changes nothing");
      var dry = live.submit(createPortfolio("port-b", true));
      assertEquals("ALLOW", dry.result().decision().decision());
      assertFalse(hasPortfolio(live, "port-b"), "a dry run applies nothing");
      live.submit(call("{\"call\":\"CreatePortfolioShare\",\"caller\":{\"account\":\"111111111111\",\"region\":\"us-east-1\"},"
          + "\"input\":{\"PortfolioId\":\"port-a\",\"AccountId\":\"999999999999\"}}"));
      before = snapshot(live);
    }
    try (LiveCatalog again = open(1000)) {
      assertFalse(again.opened().seeded());
      assertEquals(2, again.opened().replayed());
      assertEquals(before, snapshot(again));
    }
  }

  @Test
  void compactionWritesSnapshotsAndReplayStaysExact() throws Exception {
    String before;
    try (LiveCatalog live = open(3)) {
      for (int i = 0; i < 10; i++) assertTrue(live.submit(createPortfolio("port-" + i, false)).applied());
      live.awaitCompaction();
      before = snapshot(live);
    }
    assertTrue(Journal.segments(dir).size() <= 2, "old segments are dropped once a snapshot holds them: " + Journal.segments(dir));
    try (LiveCatalog again = open(3)) {
      assertEquals(before, snapshot(again));
      assertTrue(again.opened().replayed() < 10, "replay starts from the last snapshot");
      assertEquals(11, again.state().version());
    }
  }

  @Test
  void concurrentWritersAreSerializedAndNoneIsLost() throws Exception {
    try (LiveCatalog live = open(7)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<LiveCatalog.Decided>> fs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String id = "port-c" + i;
        fs.add(pool.submit(() -> live.submit(createPortfolio(id, false))));
      }
      for (var f : fs) assertTrue(f.get().applied());
      pool.shutdown();
      assertEquals(41, live.state().version());
      live.awaitCompaction();
      String before = snapshot(live);
      live.close();
      try (LiveCatalog again = open(7)) {
        assertEquals(before, snapshot(again));
        for (int i = 0; i < 40; i++) assertTrue(hasPortfolio(again, "port-c" + i));
      }
    }
  }

  @Test
  void readersNeverSeeAHalfAppliedCall() throws Exception {
    try (LiveCatalog live = open(1000)) {
      java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
      Thread reader = new Thread(() -> {
        while (!done.get()) {
          Catalog c = live.state().catalog();
          var versions = c.list(dev.catalogpolicy.model.ProvisioningArtifact.class);
          for (var p : c.list(dev.catalogpolicy.model.Product.class)) {
            if (!p.id().startsWith("prod-r")) continue;
            long n = versions.stream().filter(v -> v.product().equals(p.id())).count();
            if (n != 3) seen.set(p.id() + " with " + n + " versions");
          }
        }
      });
      reader.start();
      for (int i = 0; i < 30; i++) {
        String id = "prod-r" + i;
        assertTrue(live.submit(call("{\"call\":\"CreateProduct\",\"caller\":{\"account\":\"111111111111\",\"region\":\"us-east-1\"},"
            + "\"input\":{\"Id\":\"" + id + "\",\"Name\":\"n\",\"ProvisioningArtifacts\":[{\"Id\":\"" + id + "-1\"},"
            + "{\"Id\":\"" + id + "-2\"},{\"Id\":\"" + id + "-3\"}]}}")).applied());
      }
      done.set(true);
      reader.join();
      assertNull(seen.get(), "a reader saw " + seen.get());
    }
  }

  @Test
  void replaceMakesANewBaseThatSurvivesAReopen() throws Exception {
    try (LiveCatalog live = open(1000)) {
      live.submit(createPortfolio("port-gone", false));
      live.replace(Catalog.empty());
      assertFalse(hasPortfolio(live, "port-gone"));
      live.submit(createPortfolio("port-new", false));
    }
    try (LiveCatalog again = open(1000)) {
      assertFalse(hasPortfolio(again, "port-gone"));
      assertTrue(hasPortfolio(again, "port-new"));
      assertFalse(hasPortfolio(again, "port-hub"), "the seed is not read again");
    }
  }

  @Test
  void aTornTailIsReportedAndTheAcknowledgedPrefixKept() throws Exception {
    try (LiveCatalog live = open(1000)) {
      live.submit(createPortfolio("port-kept", false));
    }
    Path seg = Journal.segments(dir).get(Journal.segments(dir).size() - 1);
    Files.writeString(seg, "deadbeef {\"v\":3,\"added\":[{\"ty", java.nio.file.StandardOpenOption.APPEND);
    try (LiveCatalog again = open(1000)) {
      assertTrue(hasPortfolio(again, "port-kept"));
      assertEquals(1, again.opened().problems().size());
      assertEquals(2, again.state().version());
    }
  }
}
