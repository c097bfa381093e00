package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A server in a child process is killed with SIGKILL in the middle of a burst of changing calls, then
 * restarted on the same data directory, many times over: every acknowledged call is there, nothing
 * that was never sent appears, and every call is there whole (a product with all of its versions).
 */
class CrashRecoveryTest {
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
  private static final int CYCLES = Integer.getInteger("catalogpolicy.crashCycles", 4);
  @TempDir
  Path tmp;

  private record Child(Process process, int port) {}

  private Child startChild(Path data) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xmx512m", "dev.catalogpolicy.cli.Main", "serve", "--port", "0",
        "--rules", "rules", "--catalog", "fixtures/demo/catalog.json", "--data", data.toString(), "--no-watch",
        "--compact-every", "25");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) { /* keep the pipe empty */ }
          } catch (Exception ignored) {
            // the child is gone
          }
        });
        drain.setDaemon(true);
        drain.start();
        return new Child(p, Integer.parseInt(m.group(1)));
      }
      if (System.nanoTime() > deadline) break;
    }
    p.destroyForcibly();
    throw new AssertionError("the server did not start:\n" + seen);
  }

  static String createProduct(String id) {
    return "{\"call\":\"CreateProduct\",\"caller\":{\"account\":\"111111111111\",\"region\":\"us-east-1\"},"
        + "\"input\":{\"Id\":\"" + id + "\",\"Name\":\"" + id + "\",\"ProvisioningArtifacts\":["
        + "{\"Id\":\"" + id + "-v1\",\"Name\":\"v1\",\"Active\":true},{\"Id\":\"" + id + "-v2\",\"Name\":\"v2\",\"Active\":true},"
        + "{\"Id\":\"" + id + "-v3\",\"Name\":\"v3\",\"Active\":false}]}}";
  }

  @Test
  void killNineAtAnyMomentLosesNothingAcknowledgedAndHalfAppliesNothing() throws Exception {
    Path data = tmp.resolve("data");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> sent = ConcurrentHashMap.newKeySet();
    Random random = new Random(42);
    AtomicInteger ids = new AtomicInteger();
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      Child child = startChild(data);
      Http http = new Http(child.port());
      check(http, acknowledged, sent);
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        Thread t = new Thread(() -> {
          while (!stop.get()) {
            String id = "prod-crash-" + ids.incrementAndGet();
            sent.add(id);
            try {
              HttpResponse<String> r = http.post("/v1/calls", createProduct(id));
              if (r.statusCode() == 200 && Json.parse(r.body()).get("decision").asText().equals("ALLOW")) acknowledged.add(id);
            } catch (Exception e) {
              return; // the server died under this request: not acknowledged
            }
          }
        });
        t.start();
        writers.add(t);
      }
      Thread.sleep(300 + random.nextInt(900));
      child.process().destroyForcibly(); // SIGKILL
      child.process().waitFor(30, TimeUnit.SECONDS);
      stop.set(true);
      for (Thread t : writers) t.join(30_000);
    }
    assertTrue(acknowledged.size() > CYCLES, "the bursts made progress: " + acknowledged.size());
    Child last = startChild(data);
    try {
      check(new Http(last.port()), acknowledged, sent);
    } finally {
      last.process().destroyForcibly();
      last.process().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void check(Http http, Set<String> acknowledged, Set<String> sent) throws Exception {
    JsonNode catalog = http.json("GET", "/v1/catalog", null, 200);
    Map<String, Integer> versions = new HashMap<>();
    for (JsonNode p : catalog.get("products")) {
      String id = p.get("id").asText();
      if (id.startsWith("prod-crash-")) versions.put(id, p.get("versions").size());
    }
    for (String id : acknowledged) assertTrue(versions.containsKey(id), "acknowledged " + id + " was lost");
    for (var e : versions.entrySet()) {
      assertTrue(sent.contains(e.getKey()), e.getKey() + " appeared without being sent");
      assertEquals(3, e.getValue(), e.getKey() + " is there only in part");
    }
  }
}
