package dev.catalogpolicy.http;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.bench.BenchCatalog;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.generate.CatalogGenerator;
import dev.catalogpolicy.generate.GeneratorSpec;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.live.DecisionLog;
import dev.catalogpolicy.live.LiveCatalog;
import dev.catalogpolicy.scenario.CallParser;
import org.openjdk.jmh.annotations.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code POST /v1/calls} does for a dry-run launch besides deciding it (docs/performance.md): read
 * the body into a call ({@link Json#parse(byte[])} and {@link CallParser}), write the decision as the
 * response, and write the decision log's line ({@link DecisionLine}, on the log's thread). Bodies and
 * decisions are 1,000 launches of org-1k, as {@code bench/http-load.sh} sends them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RequestBenchmark {
  private final List<byte[]> bodies = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Decision> decisions = new ArrayList<>();
  private final ByteArrayBuilder line = new ByteArrayBuilder(1024);
  private int next;

  @Setup(Level.Trial)
  public void load() throws Exception {
    RuleSet rules = RuleCompiler.compile(Path.of(System.getProperty("catalogpolicy.rules", "rules")));
    CatalogGenerator.Generated g = CatalogGenerator.generate(GeneratorSpec.named("org-1k", 1), 1000);
    Path dir = Files.createTempDirectory("bench-request");
    try (LiveCatalog live = LiveCatalog.open(dir, rules, "generated org-1k", g::catalog, Integer.MAX_VALUE, 0)) {
      load(live, new BenchCatalog(live.state().catalog(), g.samples()));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private void load(LiveCatalog live, BenchCatalog catalog) {
    for (Call c : catalog.launches) {
      ObjectNode body = Json.MAPPER.createObjectNode().put("call", c.getName());
      body.set("caller", Json.MAPPER.valueToTree(c.getCaller()));
      body.set("input", c.input());
      body.put("dryRun", true);
      bodies.add(Json.compact(body).getBytes(StandardCharsets.UTF_8));
      calls.add(c);
      Decision d = live.decide(c).result().decision();
      if (!d.allowed()) throw new IllegalStateException("the launch is not allowed: " + d);
      decisions.add(d);
    }
  }

  private int next() {
    next = (next + 1) % bodies.size();
    return next;
  }

  @Benchmark
  public Call readCall() {
    return CallParser.parse(Json.parse(bodies.get(next())), "$");
  }

  @Benchmark
  public byte[] writeDecision() throws Exception {
    return Json.MAPPER.writeValueAsBytes(decisions.get(next()));
  }

  @Benchmark
  public byte[] writeLogLine() throws Exception {
    int i = next();
    return DecisionLog.json(new DecisionLine("calls", Instant.now(), "hash", 1, calls.get(i), decisions.get(i), false), line);
  }
}
