package dev.catalogpolicy.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.json.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A JMH-free micro harness for developing the live engine (docs/performance-engine.md): launch
 * decisions (ProvisionProduct, dry run) on an {@link OrgCatalog}, the propagation of a product leaving
 * an organization-wide shared portfolio, and for comparison today's fresh-session engine. Not a test;
 * run with {@code java -cp target/classes:target/test-classes:target/lib/* dev.catalogpolicy.engine.StatefulEngineBench
 * ACCOUNTS [PORTFOLIOS PRODUCTS WARMUP_SECONDS MEASURED_CALLS FRESH_CALLS]} ({@code -Dbench.impact=true} also
 * times one ExplainImpact, whose path diff loads the whole catalog twice).
 */
public final class StatefulEngineBench {
  private StatefulEngineBench() {}

  public static void main(String[] args) throws Exception {
    int accounts = Integer.parseInt(args[0]);
    int portfolios = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int products = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    int measured = args.length > 4 ? Integer.parseInt(args[4]) : 200_000;
    int freshCalls = args.length > 5 ? Integer.parseInt(args[5]) : 0;

    RuleSet rules = RuleCompiler.compile(Path.of("rules"));
    long t0 = System.nanoTime();
    Catalog catalog = OrgCatalog.build(accounts, portfolios, products);
    long t1 = System.nanoTime();
    StatefulEngine live = new StatefulEngine(rules, catalog);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "catalog: %d accounts, %d facts (built in %d ms); live engine loaded in %d ms, %d settle effects%n",
        accounts, catalog.size(), ms(t1 - t0), ms(t2 - t1), live.loaded().decision().effects().size());

    List<Call> launches = launches(accounts, portfolios, products, 4096);
    Decision first = live.evaluate(launches.get(0)).decision();
    System.out.println("sample launch: " + first.decision() + " " + first.reasons().stream().map(Reason::code).toList()
        + " path " + (first.launch() == null ? null : first.launch().pathId()));

    long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
    int i = 0;
    while (System.nanoTime() < until) live.evaluate(launches.get(i++ & 4095));
    System.out.println("warm-up: " + i + " calls in " + warmupSeconds + " s");

    long[] nanos = new long[measured];
    int allowed = 0;
    for (int k = 0; k < measured; k++) {
      Call c = launches.get(k & 4095);
      long s = System.nanoTime();
      Engine.Result r = live.evaluate(c);
      nanos[k] = System.nanoTime() - s;
      if (r.decision().allowed()) allowed++;
    }
    report("ProvisionProduct dry run (live)", nanos);
    System.out.println("  allowed " + allowed + " of " + measured);

    propagation(live, portfolios, products);
    queries(live, accounts, portfolios, products);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(Locale.ROOT, "heap in use after GC: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

    if (freshCalls > 0) {
      long[] fresh = new long[freshCalls];
      for (int k = 0; k < freshCalls; k++) {
        long s = System.nanoTime();
        Engine.evaluate(rules, live.catalog(), launches.get(k));
        fresh[k] = System.nanoTime() - s;
      }
      report("ProvisionProduct dry run (today's fresh-session engine)", fresh);
    }
    live.close();
  }

  private static void propagation(StatefulEngine live, int portfolios, int products) {
    ObjectNode in = Json.MAPPER.createObjectNode().put("ProductId", OrgCatalog.product(3, 5))
        .put("PortfolioId", OrgCatalog.portfolio(3));
    Caller hub = new Caller(OrgCatalog.HUB, OrgCatalog.REGION, null, null);
    Call remove = new Call("DisassociateProductFromPortfolio", hub, in, false);
    Call back = new Call("AssociateProductWithPortfolio", hub, in, false);
    Call explain = new Call("ExplainImpact", hub, null, false, remove.asDryRun());
    int rounds = 15;
    long[] dry = new long[rounds], removal = new long[rounds], readd = new long[rounds];
    int[] effects = new int[3];
    Call dryRemove = remove.asDryRun();
    for (int k = 0; k < rounds; k++) {
      long s = System.nanoTime();
      Engine.Result r = live.evaluate(dryRemove);
      dry[k] = System.nanoTime() - s;
      effects[0] = r.decision().effects().size();
    }
    long s0 = System.nanoTime();
    if (Boolean.getBoolean("bench.impact")) try {
      Engine.Result impact = live.evaluate(explain);
      System.out.printf(Locale.ROOT, "ExplainImpact of the removal (effects, and every affected principal's paths before and"
          + " after, Impact.of): %d effects in %.1f ms%n", impact.decision().effects().size(), (System.nanoTime() - s0) / 1e6);
    } catch (RuntimeException e) {
      System.out.printf(Locale.ROOT, "ExplainImpact of the removal failed after %.1f s: %s%n", (System.nanoTime() - s0) / 1e9,
          e.getMessage());
    }
    for (int k = 0; k < rounds; k++) {
      long s = System.nanoTime();
      Engine.Result r = live.evaluate(remove);
      removal[k] = System.nanoTime() - s;
      effects[1] = r.decision().effects().size();
      if (k == 0) System.out.printf(Locale.ROOT, "first applied removal: %d effects in %.1f ms%n", effects[1], removal[k] / 1e6);
      s = System.nanoTime();
      r = live.evaluate(back);
      readd[k] = System.nanoTime() - s;
      effects[2] = r.decision().effects().size();
    }
    report("dry run: product leaves an org-wide shared portfolio (" + effects[0] + " effects, undone)", dry);
    report("DisassociateProductFromPortfolio applied (" + effects[1] + " effects from the second round on)", removal);
    report("AssociateProductWithPortfolio applied again (" + effects[2] + " effects)", readd);
  }

  static void queries(StatefulEngine live, int accounts, int portfolios, int products) {
    String a = OrgCatalog.spoke(accounts / 2);
    Caller dev = new Caller(a, OrgCatalog.REGION, OrgCatalog.developer(a), List.of());
    String prod = OrgCatalog.product(OrgCatalog.grantedPortfolio(accounts / 2, 1, portfolios), 7);
    Call list = new Call("ListLaunchPaths", dev, Json.MAPPER.createObjectNode().put("ProductId", prod), false);
    Call search = new Call("SearchProducts", dev, null, false);
    long[] l = new long[2000], s = new long[50];
    for (int k = 0; k < l.length; k++) {
      long t = System.nanoTime();
      live.evaluate(list);
      l[k] = System.nanoTime() - t;
    }
    int found = 0;
    for (int k = 0; k < s.length; k++) {
      long t = System.nanoTime();
      found = live.evaluate(search).decision().products().size();
      s[k] = System.nanoTime() - t;
    }
    report("ListLaunchPaths", l);
    report("SearchProducts (" + found + " products)", s);
  }

  static List<Call> launches(int accounts, int portfolios, int products, int n) {
    List<Call> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int i = (int) ((k * 2654435761L) % accounts);
      String a = OrgCatalog.spoke(i);
      int p = OrgCatalog.grantedPortfolio(i, 1 + k % (OrgCatalog.SPOKE_PORTFOLIOS - 1), portfolios);
      String prod = OrgCatalog.product(p, k % products);
      ObjectNode in = Json.MAPPER.createObjectNode().put("ProductId", prod).put("ProvisioningArtifactId", prod + "-v1")
          .put("ProvisionedProductName", "bench-" + k);
      in.putArray("ProvisioningParameters");
      out.add(new Call("ProvisionProduct", new Caller(a, OrgCatalog.REGION, OrgCatalog.developer(a), List.of()), in, true));
    }
    return out;
  }

  static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    double mean = Arrays.stream(s).average().orElse(0);
    System.out.printf(Locale.ROOT, "%s: n=%d median %.1f µs, p90 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs, mean %.1f µs%n",
        what, s.length, s[s.length / 2] / 1e3, s[(int) (s.length * 0.9)] / 1e3, s[(int) (s.length * 0.99)] / 1e3,
        s[Math.min(s.length - 1, (int) (s.length * 0.999))] / 1e3, s[s.length - 1] / 1e3, mean / 1e3);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
