package dev.catalogpolicy.live;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.catalogpolicy.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Every decision of the live catalog as one JSON line in {@code decisions.log}, rotated by size into
 * {@code decisions-<n>.log} (the newest {@code keep} are kept). A request only enqueues its line; one
 * background thread turns it into JSON and writes it. A full queue drops the line and counts it
 * ({@link #dropped()}), so a slow disk never blocks a decision and never loses one silently.
 */
public final class DecisionLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);
  private static final Line STOP = g -> {};

  /**
   * One line of the log: it writes one JSON object to {@code g}, on the log's thread, so what it refers
   * to must not change once appended.
   */
  @FunctionalInterface
  public interface Line {
    void write(JsonGenerator g) throws IOException;
  }

  private final Path dir;
  private final long maxBytes;
  private final int keep;
  private final BlockingQueue<Line> queue;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread writer;
  private final ByteArrayBuilder line = new ByteArrayBuilder(1024);
  private OutputStream out;
  private long size;

  public DecisionLog(Path dir, long maxBytes, int keep, int queueSize) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.queue = new ArrayBlockingQueue<>(queueSize);
    Files.createDirectories(dir);
    openCurrent();
    this.writer = new Thread(this::drain, "decision-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Enqueues one decision line; never blocks. */
  public void append(Line line) {
    if (!queue.offer(line)) dropped.incrementAndGet();
  }

  public long written() { return written.get(); }
  public long dropped() { return dropped.get(); }
  public long failed() { return failed.get(); }

  public Path current() {
    return dir.resolve("decisions.log");
  }

  private void drain() {
    List<Line> batch = new ArrayList<>();
    while (true) {
      try {
        Line first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        batch.add(first);
        queue.drainTo(batch, 1023);
        boolean stop = false;
        for (Line line : batch) {
          if (line == STOP) {
            stop = true;
            continue;
          }
          write(line);
        }
        batch.clear();
        out.flush();
        if (stop) return;
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        LOG.warn("decision log write failed: {}", e.getMessage());
      }
    }
  }

  private void write(Line next) {
    try {
      byte[] b = json(next, line);
      if (size > 0 && size + b.length > maxBytes) rotate();
      out.write(b);
      size += b.length;
      written.incrementAndGet();
    } catch (IOException | RuntimeException e) { // a line that cannot be written must not stop the writer
      failed.incrementAndGet();
      LOG.warn("decision log write failed: {}", e.toString());
    }
  }

  /** {@code line} as the log writes it: one line of JSON and its newline, made in {@code buffer}. */
  public static byte[] json(Line line, ByteArrayBuilder buffer) throws IOException {
    buffer.reset();
    try (JsonGenerator g = Json.MAPPER.createGenerator(buffer)) {
      line.write(g);
    }
    buffer.write('\n');
    return buffer.toByteArray();
  }

  private void openCurrent() throws IOException {
    Path f = current();
    size = Files.exists(f) ? Files.size(f) : 0;
    out = new java.io.BufferedOutputStream(Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16);
  }

  private void rotate() throws IOException {
    out.close();
    long n = rotated().stream().mapToLong(DecisionLog::number).max().orElse(0) + 1;
    Files.move(current(), dir.resolve("decisions-" + n + ".log"));
    List<Path> old = rotated();
    for (int i = 0; i < old.size() - keep; i++) Files.deleteIfExists(old.get(i));
    openCurrent();
  }

  private List<Path> rotated() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("decisions-\\d+\\.log"))
          .sorted(java.util.Comparator.comparingLong(DecisionLog::number)).toList();
    }
  }

  private static long number(Path p) {
    String n = p.getFileName().toString();
    return Long.parseLong(n.substring("decisions-".length(), n.length() - ".log".length()));
  }

  /** Writes what is queued, then stops. */
  @Override
  public synchronized void close() throws IOException {
    if (!writer.isAlive()) return;
    try {
      queue.put(STOP);
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.close();
  }
}
