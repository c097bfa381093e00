package dev.catalogpolicy.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends generated bad bodies to one endpoint of a running server over real HTTP, with client
 * timeouts, and checks each answer: never a 5xx, never a hang; a body no server may accept gets a
 * 4xx; every 4xx is JSON with an {@code error} and a {@code message}, and a 400 names the JSON
 * {@code path} of the fault where the body has one place at fault.
 */
public final class Fuzzer {
  /** What a run saw: requests, answers by status and by kind of body, faults, and how long it took. */
  public record Report(int requests, Map<String, Integer> statuses, Map<String, Map<String, Integer>> byKind,
                       Map<String, Long> millisByKind, List<String> faults, long millis) {
    public String summary() {
      return requests + " requests in " + millis + " ms (" + (requests * 1000L / Math.max(1, millis)) + "/s); statuses "
          + statuses + "; faults " + faults.size();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final Duration timeout;

  public Fuzzer(int port, Duration timeout) {
    this.base = "http://127.0.0.1:" + port;
    this.timeout = timeout;
  }

  /**
   * Sends {@code requests} bodies from {@code threads} clients. With {@code watchCatalog} (one client,
   * so that nothing else changes the catalog meanwhile), a refused request must leave the live catalog
   * as it was: its version (GET /health) is compared around every refused request, and the whole
   * snapshot (GET /v1/catalog) around every 50th (accepted calls may grow it to megabytes).
   */
  public Report run(String method, String path, MalformedBodies bodies, int requests, long seed, int threads,
                    boolean watchCatalog) throws Exception {
    if (watchCatalog) threads = 1;
    Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    Map<String, Map<String, Integer>> byKind = Collections.synchronizedMap(new TreeMap<>());
    Map<String, Long> millisByKind = Collections.synchronizedMap(new TreeMap<>());
    List<String> faults = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < requests; ) {
            // each request from its own seed: a fault names the seed that makes its body again
            long own = seed ^ (i * 0x9E3779B97F4A7C15L);
            MalformedBodies.Body body = bodies.next(new Random(own));
            boolean whole = i % 50 == 0;
            String before = !watchCatalog ? null : whole ? liveCatalog() : catalogVersion();
            long t0 = System.nanoTime();
            String status = send(method, path, body, own, faults);
            millisByKind.merge(body.kind(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
            if (watchCatalog && status.startsWith("4") && !before.equals(whole ? liveCatalog() : catalogVersion())) {
              fault(faults, "the live catalog changed on a refused request", own, body, null);
            }
            statuses.merge(status, 1, Integer::sum);
            synchronized (byKind) {
              byKind.computeIfAbsent(body.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            }
          }
          return null;
        }));
      }
      for (Future<?> w : workers) w.get();
    } finally {
      pool.shutdownNow();
    }
    return new Report(requests, new TreeMap<>(statuses), byKind, new TreeMap<>(millisByKind), List.copyOf(faults), (System.nanoTime() - started) / 1_000_000);
  }

  private String send(String method, String path, MalformedBodies.Body body, long seed, List<String> faults) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      fault(faults, "no answer within " + timeout.toSeconds() + " s", seed, body, null);
      return "timeout";
    } catch (Exception e) {
      fault(faults, "request failed: " + e, seed, body, null);
      return "error";
    }
    int s = r.statusCode();
    if (s >= 500) fault(faults, "answered " + s, seed, body, r.body());
    else if (body.mustReject() && s < 400) fault(faults, "accepted (" + s + ") a body no server may accept", seed, body, r.body());
    else if (s >= 400) checkError(r, body, seed, faults);
    return String.valueOf(s);
  }

  private void checkError(HttpResponse<String> r, MalformedBodies.Body body, long seed, List<String> faults) {
    JsonNode answer;
    try {
      answer = Json.parse(r.body());
    } catch (BadRequest e) {
      fault(faults, r.statusCode() + " whose body is not JSON", seed, body, r.body());
      return;
    }
    if (!answer.path("error").isTextual() || answer.path("message").asText("").isBlank()) {
      fault(faults, r.statusCode() + " without error and message", seed, body, r.body());
      return;
    }
    if (r.statusCode() != 400) return;
    String got = answer.path("path").isTextual() ? answer.get("path").asText() : null;
    if (got == null || !got.startsWith("$")) {
      fault(faults, "400 without a JSON path", seed, body, r.body());
    } else if (body.path() != null && !(body.pathPrefix() ? got.startsWith(body.path()) : got.equals(body.path()))) {
      fault(faults, "400 at " + got + ", expected " + (body.pathPrefix() ? "within " : "") + body.path(), seed, body, r.body());
    }
  }

  private static void fault(List<String> faults, String what, long seed, MalformedBodies.Body body, String answer) {
    if (faults.size() >= 50) return;
    faults.add(what + " [seed " + seed + "] " + body + (answer == null ? "" : "\n      answer: "
        + answer.substring(0, Math.min(answer.length(), 400))));
  }

  /** The live catalog's version as GET /health says it. */
  public String catalogVersion() throws Exception {
    return Json.parse(get("/health").body()).path("catalogVersion").asText();
  }

  /** The live catalog as GET /v1/catalog answers it: its version (X-Catalog-Version) and snapshot. */
  public String liveCatalog() throws Exception {
    HttpResponse<String> r = get("/v1/catalog");
    return r.headers().firstValue("X-Catalog-Version").orElse("?") + " " + r.body();
  }

  /** Sends raw bytes. */
  public HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** POST a JSON text. */
  public HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET a path: status and body (for the live catalog and health before and after a run). */
  public HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
