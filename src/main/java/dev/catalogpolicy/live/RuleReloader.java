package dev.catalogpolicy.live;

import dev.catalogpolicy.engine.RuleCompileException;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleError;
import dev.catalogpolicy.engine.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.*;
import java.util.List;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static java.nio.file.StandardWatchEventKinds.*;

/**
 * Rebuilds the rules from their directory, one build at a time on a background thread, and swaps them
 * into the live catalog only when they compile: a broken rule file never replaces working rules. An
 * optional watch on the directory reloads shortly after files stop changing.
 */
public final class RuleReloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

  /** The outcome of one reload: the rules now serving, or the errors that kept the old ones. */
  public record Result(boolean ok, RuleSet serving, List<RuleError> errors, long millis) {}

  private final Path rulesDir;
  private final LiveCatalog live;
  private final ExecutorService builds = Executors.newSingleThreadExecutor(r -> daemon(r, "rules-reload"));
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile Result last;
  private Thread watcher;
  private WatchService watch;

  public RuleReloader(Path rulesDir, LiveCatalog live) {
    this.rulesDir = rulesDir;
    this.live = live;
  }

  public long succeeded() { return ok.get(); }
  public long failures() { return failed.get(); }
  public Result last() { return last; }

  /** Reloads now (after any reload in progress) and waits for the outcome. */
  public Result reload() throws InterruptedException {
    try {
      return builds.submit(this::build).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("reload failed: " + e.getCause(), e.getCause());
    }
  }

  private Result build() {
    long t0 = System.nanoTime();
    Result r;
    try {
      RuleSet rs = RuleCompiler.compile(rulesDir);
      live.reload(rs);
      ok.incrementAndGet();
      r = new Result(true, rs, List.of(), millisSince(t0));
      LOG.info("rules reloaded: {} rules, hash {} ({} ms)", rs.rules().size(), rs.hash(), r.millis());
    } catch (RuleCompileException e) {
      failed.incrementAndGet();
      r = new Result(false, live.state().rules(), e.errors(), millisSince(t0));
      LOG.warn("rules not reloaded, the previous rules keep serving: {}", e.getMessage());
    } catch (IOException e) {
      failed.incrementAndGet();
      r = new Result(false, live.state().rules(), List.of(new RuleError(rulesDir.toString(), 0, 0, e.getMessage())),
          millisSince(t0));
      LOG.warn("rules not reloaded: {}", e.getMessage());
    }
    last = r;
    return r;
  }

  /** Watches the rules directory and reloads {@code quietMillis} after the last change. */
  public void watch(long quietMillis) throws IOException {
    watch = FileSystems.getDefault().newWatchService();
    registerAll();
    watcher = daemon(() -> {
      try {
        while (true) {
          WatchKey key = watch.take();
          key.pollEvents();
          key.reset();
          // wait until the files have been quiet for a while: an editor writes in several steps
          WatchKey more;
          while ((more = watch.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
            more.pollEvents();
            more.reset();
          }
          registerAll();
          builds.submit(this::build);
        }
      } catch (InterruptedException | ClosedWatchServiceException e) {
        // stopping
      } catch (IOException e) {
        LOG.warn("rules watch stopped: {}", e.getMessage());
      }
    }, "rules-watch");
    watcher.start();
  }

  private void registerAll() throws IOException {
    try (Stream<Path> dirs = Files.walk(rulesDir)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) d.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    }
  }

  @Override
  public void close() throws IOException {
    if (watcher != null) watcher.interrupt();
    if (watch != null) watch.close();
    builds.shutdown();
    try {
      builds.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long millisSince(long t0) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
