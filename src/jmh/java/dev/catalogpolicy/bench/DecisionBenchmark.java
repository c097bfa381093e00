package dev.catalogpolicy.bench;

import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;
import org.openjdk.jmh.annotations.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * In-process decisions on a generated, loaded catalog (docs/performance.md): a dry-run
 * ProvisionProduct, ListLaunchPaths, and a dry-run DisassociateProductFromPortfolio of a product in
 * the org-wide shared portfolio (propagation to every import and local portfolio). Calls rotate over
 * 1,000 launches of different accounts and principals. Run with bench/jmh.sh.
 *
 * <p>{@code engine}: {@code fresh} is {@link Engine#evaluate}, a new KieSession holding every catalog
 * fact per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g", "-XX:+UseParallelGC", "-Dcatalogpolicy.maxEvaluationSeconds=600"})
@Warmup(iterations = 3, time = 20)
@Measurement(iterations = 5, time = 20)
public class DecisionBenchmark {
  @Param({"org-1k", "org-5k", "org-20k"})
  public String size;

  @Param({"fresh"})
  public String engine;

  private RuleSet rules;
  private BenchCatalog catalog;
  private List<Call> launches;
  private List<Call> listPaths;
  private Call removal;
  private int next;

  @Setup(Level.Trial)
  public void load() throws Exception {
    rules = RuleCompiler.compile(Path.of(System.getProperty("catalogpolicy.rules", "rules")));
    catalog = BenchCatalog.load(rules, size, 1000);
    launches = catalog.launches;
    listPaths = catalog.listPaths;
    removal = catalog.removal(true);
    catalog.check(this::decide, 3);
  }

  private Decision decide(Call call) {
    return Engine.evaluate(rules, catalog.loaded, call).decision();
  }

  @Benchmark
  public Decision provisionProduct() {
    return decide(launches.get(next++ % launches.size()));
  }

  @Benchmark
  public Decision listLaunchPaths() {
    return decide(listPaths.get(next++ % listPaths.size()));
  }

  @Benchmark
  public Decision removeProductFromOrgWideShare() {
    return decide(removal);
  }
}
