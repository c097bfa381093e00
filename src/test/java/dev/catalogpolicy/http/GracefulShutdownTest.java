package dev.catalogpolicy.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Stopping the server lets a request already in flight finish, and applies what it acknowledged. */
class GracefulShutdownTest {
  @TempDir
  Path tmp;

  @Test
  void aRequestInFlightFinishesBeforeTheServerStops() throws Exception {
    ServerConfig config = ServerConfig.of(0, Path.of("rules"), Path.of("fixtures/demo/catalog.json"), tmp.resolve("data"))
        .withStorage(false, 64L << 20, 10, 10_000, false);
    Server server = Server.start(config);
    byte[] body = LiveServerTest.createPortfolio("port-late", false).getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/calls HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10); // the request is in flight, its body half sent
      out.flush();
      Thread.sleep(500);
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
      Thread.sleep(500);
      assertFalse(stopping.isDone(), "stop waits for the request in flight");
      out.write(body, 10, body.length - 10);
      out.flush();
      String answer = new String(readSome(socket.getInputStream()), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
      assertTrue(answer.contains("\"decision\":\"ALLOW\""), answer);
      stopping.get(60, TimeUnit.SECONDS);
    }
    Server again = Server.start(config);
    try {
      assertTrue(LiveServerTest.portfolios(new Http(again.port()).json("GET", "/v1/catalog", null, 200)).contains("port-late"));
    } finally {
      again.stop();
    }
  }

  private static byte[] readSome(InputStream in) throws Exception {
    byte[] buf = new byte[65536];
    int n = 0;
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) break;
      n += r;
      String s = new String(buf, 0, n, StandardCharsets.UTF_8);
      if (s.contains("\"decisionId\"") && s.trim().endsWith("}")) break;
    }
    return java.util.Arrays.copyOf(buf, n);
  }
}
