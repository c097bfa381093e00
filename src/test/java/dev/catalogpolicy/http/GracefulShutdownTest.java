package dev.catalogpolicy.http;

import dev.catalogpolicy.live.LiveCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static org.junit.jupiter.api.Assertions.*;

/** Stopping the server lets a request already being handled finish, and applies what it acknowledged. */
class GracefulShutdownTest {
  @TempDir
  Path tmp;

  @Test
  void aRequestInFlightFinishesBeforeTheServerStops() throws Exception {
    ServerConfig config = ServerConfig.of(0, Path.of("rules"), Path.of("fixtures/demo/catalog.json"), tmp.resolve("data"))
        .withStorage(false, 64L << 20, 10, 10_000, false);
    Server server = Server.start(config);
    Http http = new Http(server.port());
    // hold the live catalog's writer lock, so that a changing call stays in its handler until released
    var field = LiveCatalog.class.getDeclaredField("writer");
    field.setAccessible(true);
    ReentrantLock writer = (ReentrantLock) field.get(server.live());
    writer.lock();
    CompletableFuture<HttpResponse<String>> call;
    CompletableFuture<Void> stopping;
    try {
      call = CompletableFuture.supplyAsync(() -> {
        try {
          return http.post("/v1/calls", LiveServerTest.createPortfolio("port-late", false));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long deadline = System.currentTimeMillis() + 30_000;
      while (!writer.hasQueuedThreads()) {
        assertTrue(System.currentTimeMillis() < deadline, "the call reached the writer lock");
        Thread.sleep(10);
      }
      stopping = CompletableFuture.runAsync(server::stop);
      Thread.sleep(1_000);
      assertFalse(stopping.isDone(), "stop waits for the request in flight");
    } finally {
      writer.unlock();
    }
    HttpResponse<String> answer = call.get(60, TimeUnit.SECONDS);
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"decision\":\"ALLOW\""), answer.body());
    stopping.get(60, TimeUnit.SECONDS);
    Server again = Server.start(config);
    try {
      assertTrue(LiveServerTest.portfolios(new Http(again.port()).json("GET", "/v1/catalog", null, 200)).contains("port-late"));
    } finally {
      again.stop();
    }
  }
}
