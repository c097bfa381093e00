package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** Rule reloads, good and broken, while calls are decided and applied: no request fails, nothing is lost. */
class ReloadUnderLoadTest {
  @TempDir
  Path tmp;

  @Test
  void reloadsDuringLoadServeEveryRequestAndLoseNothing() throws Exception {
    Path rules = tmp.resolve("rules");
    Files.createDirectories(rules);
    try (var files = Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) Files.copy(f, rules.resolve(f.getFileName()));
    }
    Server server = Server.start(ServerConfig.of(0, rules, Path.of("fixtures/demo/catalog.json"), tmp.resolve("data"))
        .withStorage(false, 64L << 20, 10, 50, false));
    try {
      Http http = new Http(server.port());
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicReference<String> failure = new AtomicReference<>();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger ids = new AtomicInteger();
      AtomicInteger decisions = new AtomicInteger();
      List<Thread> load = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        boolean writer = w < 2;
        Thread t = new Thread(() -> {
          while (!stop.get()) {
            try {
              String id = "prod-load-" + ids.incrementAndGet();
              HttpResponse<String> r = writer ? http.post("/v1/calls", CrashRecoveryTest.createProduct(id))
                  : http.get("/v1/launch-paths?account=222222222222&region=us-east-1"
                      + "&principal=arn:aws:iam::222222222222:role/Developer&product=prod-ec2");
              if (r.statusCode() != 200 || !Json.parse(r.body()).get("decision").asText().equals("ALLOW")) {
                failure.compareAndSet(null, r.statusCode() + " " + r.body());
              } else if (writer) {
                acknowledged.add(id);
              }
              decisions.incrementAndGet();
            } catch (Exception e) {
              failure.compareAndSet(null, e.toString());
            }
          }
        });
        t.start();
        load.add(t);
      }
      Path sharing = rules.resolve("sharing.drl");
      String good = Files.readString(sharing);
      for (int i = 0; i < 2; i++) {
        Files.writeString(sharing, good + "\n// reload " + i + "\n");
        assertEquals(200, http.post("/v1/rules/reload", null).statusCode());
        Files.writeString(sharing, good + "\nrule \"S9 broken " + i + "\"\nwhen\n  NoSuchFact()\nthen\nend\n");
        assertEquals(422, http.post("/v1/rules/reload", null).statusCode());
      }
      Files.writeString(sharing, good);
      assertEquals(200, http.post("/v1/rules/reload", null).statusCode());
      stop.set(true);
      for (Thread t : load) t.join(60_000);
      assertNull(failure.get(), "a request failed during reloads: " + failure.get());
      assertTrue(decisions.get() > 20, "load ran: " + decisions.get());
      JsonNode catalog = http.json("GET", "/v1/catalog", null, 200);
      Set<String> present = ConcurrentHashMap.newKeySet();
      catalog.get("products").forEach(p -> present.add(p.get("id").asText()));
      for (String id : acknowledged) assertTrue(present.contains(id), id + " lost");
      String metrics = http.get("/metrics").body();
      assertTrue(metrics.contains("catalogpolicy_rule_reloads_total{result=\"failed\"} 2.0"), metrics);
      assertTrue(metrics.contains("catalogpolicy_rule_reloads_total{result=\"ok\"} 3.0"));
    } finally {
      server.stop();
    }
  }
}
