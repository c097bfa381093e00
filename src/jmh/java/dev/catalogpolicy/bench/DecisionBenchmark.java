package dev.catalogpolicy.bench;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Caller;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.generate.CatalogGenerator;
import dev.catalogpolicy.generate.GeneratorSpec;
import dev.catalogpolicy.live.LiveCatalog;
import org.openjdk.jmh.annotations.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * In-process decisions on a generated catalog loaded in a live catalog (docs/performance.md): a dry-run
 * ProvisionProduct, ListLaunchPaths, and a dry-run DisassociateProductFromPortfolio of a product in
 * the org-wide shared portfolio (propagation to every import and local portfolio). Calls rotate over
 * 1,000 launches of different accounts and principals. Run with bench/jmh.sh.
 *
 * <p>{@code engine}: {@code live} decides through {@link LiveCatalog#decide}, as POST /v1/calls does
 * (whatever engine the live catalog uses); {@code fresh} calls {@link Engine#evaluate} directly, a new
 * KieSession holding every catalog fact per call (the engine before the stateful one).
 *
 * <p>{@code replicas}: read replicas of the live catalog ({@link dev.catalogpolicy.engine.EnginePool});
 * {@link #provisionProductTwoThreads} measures the launch rate of two threads at once, which a single
 * session (replicas=0) decides one at a time.
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

  @Param({"live", "fresh"})
  public String engine;

  @Param({"0"})
  public int replicas;

  private RuleSet rules;
  private BenchCatalog catalog;
  private Path dataDir;
  private LiveCatalog live;
  private List<Call> launches;
  private List<Call> listPaths;
  private Call removal;
  private Call shareDeletion;
  private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

  @Setup(Level.Trial)
  public void load() throws Exception {
    rules = RuleCompiler.compile(Path.of(System.getProperty("catalogpolicy.rules", "rules")));
    CatalogGenerator.Generated g = CatalogGenerator.generate(GeneratorSpec.named(size, 1), 1000);
    Catalog loaded;
    if (engine.equals("live")) {
      dataDir = Files.createTempDirectory("bench-live");
      live = LiveCatalog.open(dataDir, rules, "generated " + size, g::catalog, Integer.MAX_VALUE, replicas);
      live.awaitReplicas();
      loaded = live.state().catalog();
    } else if (engine.equals("fresh")) {
      loaded = Engine.settle(rules, g.catalog()).catalog();
    } else {
      throw new IllegalArgumentException("engine must be live or fresh, got " + engine);
    }
    catalog = new BenchCatalog(loaded, g.samples());
    launches = catalog.launches;
    listPaths = catalog.listPaths;
    removal = catalog.removal(true);
    shareDeletion = catalog.orgShareDeletion();
    catalog.check(this::decide, 3);
    // every sample's caller asks once, so the session keeps the launch paths of 1,000 callers from the
    // start, as a server that has answered its pipelines for a while does (a change re-derives them)
    for (Call launch : launches) decide(launch);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (live == null) return;
    live.close();
    try (var files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  private Decision decide(Call call) {
    return live != null ? live.decide(call).result().decision() : Engine.evaluate(rules, catalog.loaded, call).decision();
  }

  private int nextIndex(int size) {
    return Math.floorMod(next.getAndIncrement(), size);
  }

  /**
   * The 1,000 launches in turn: from the second round on, each is a question the live catalog has
   * answered under the same catalog and rules, so it is answered again from its kept answers
   * ({@code live/Answers}), as a pipeline's repeated dry run is.
   */
  @Benchmark
  public Decision provisionProduct() {
    return decide(launches.get(nextIndex(launches.size())));
  }

  /**
   * The same launches, each under a provisioned product name never asked before: a new question every
   * call, decided by the rules, from the launch paths kept for its caller (all 1,000 callers are kept
   * after the first round). What {@link #provisionProduct} measured before answers were kept.
   */
  @Benchmark
  public Decision provisionProductNewQuestion() {
    int i = next.getAndIncrement();
    Call sample = launches.get(Math.floorMod(i, launches.size()));
    com.fasterxml.jackson.databind.node.ObjectNode input = sample.input();
    input.put("ProvisionedProductName", "bench-q-" + i);
    return decide(new Call(sample.getName(), sample.getCaller(), input, true));
  }

  /**
   * A launch by a caller the engine has never seen (a new session of a sample's role each time): its
   * launch paths are derived on the spot, kept, and once the engine keeps its bound of path queries the
   * least recently used caller's are let go. The worst case of {@link #provisionProduct}, whose 1,000
   * callers are all kept after the first round.
   */
  @Benchmark
  public Decision provisionProductNewCaller() {
    int i = next.getAndIncrement();
    Call sample = launches.get(Math.floorMod(i, launches.size()));
    String role = sample.getPrincipal();
    int slash = role.indexOf(":role/");
    if (slash < 0) throw new IllegalStateException("sample principal is not a role: " + role);
    String session = "arn:aws:sts::" + sample.getAccount() + ":assumed-role/"
        + role.substring(role.lastIndexOf('/') + 1) + "/bench-" + i;
    return decide(new Call(sample.getName(), new Caller(sample.getAccount(), sample.getRegion(), session,
        sample.getGroups()), sample.input(), true));
  }

  @Benchmark
  @Threads(2)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Decision provisionProductTwoThreads() {
    return decide(launches.get(nextIndex(launches.size())));
  }

  @Benchmark
  public Decision listLaunchPaths() {
    return decide(listPaths.get(nextIndex(listPaths.size())));
  }

  /**
   * An admin call of a spoke: a new IAM_PATTERN on the org-wide portfolio it imports (every call a new
   * question). Its quota rules count the account's associations on a portfolio that every importer has
   * associations on.
   */
  @Benchmark
  public Decision associatePrincipalInSpoke() {
    return decide(catalog.association(next.getAndIncrement()));
  }

  /**
   * The floor of a new question through the rules: RegisterDelegatedAdministrator by a spoke, which is
   * not the management account, naming a different account every call. One rule fires (O2, a denial in
   * the auth stage); nothing is derived for it. Every call pays what any new question pays (the call
   * inserted, the stages fired, the call withdrawn, the decision built), so no decision the rules make
   * per call can be cheaper than this one.
   */
  @Benchmark
  public Decision deniedAdminCallNewQuestion() {
    return decide(catalog.delegatedAdminBySpoke(next.getAndIncrement()));
  }

  @Benchmark
  public Decision removeProductFromOrgWideShare() {
    return decide(removal);
  }

  /**
   * DeletePortfolioShare of the org-wide portfolio's organization share, dry run: the largest change
   * the generated catalogs have (every account's import goes, with what its local portfolio took from
   * it, and the kept callers' paths through it). Too heavy an answer to be kept, so decided every time.
   */
  @Benchmark
  public Decision deleteOrgWideShare() {
    return decide(shareDeletion);
  }
}
