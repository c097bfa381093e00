package dev.catalogpolicy.bench;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Effect;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.generate.CatalogGenerator;
import dev.catalogpolicy.generate.GeneratorSpec;
import dev.catalogpolicy.json.Json;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * Organization-scale measurements that are not a steady-state loop (docs/performance.md): rule build
 * and rebuild (reload) time, snapshot load time (read + parse + settle, as the server loads it), heap
 * after load, the propagation of one product removal from the org-wide share with its effects, and a
 * plain loop of launch decisions (a cross-check of the JMH numbers and a target for profiling).
 *
 * <pre>java -cp target/bench/benchmarks.jar dev.catalogpolicy.bench.OrgScale --size org-5k [--repeat 5]
 *     [--launches 200] [--rules rules]</pre>
 * Prints one line per measure and a final JSON line ({@code RESULT {...}}).
 */
public final class OrgScale {
  private OrgScale() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    String size = o.getOrDefault("size", "org-5k");
    int repeat = Integer.parseInt(o.getOrDefault("repeat", "5"));
    int launches = Integer.parseInt(o.getOrDefault("launches", "0"));
    Path rulesDir = Path.of(o.getOrDefault("rules", "rules"));
    var result = new LinkedHashMap<String, Object>();
    var rt = Runtime.getRuntime();
    result.put("size", size);
    result.put("cpus", rt.availableProcessors());
    result.put("maxHeapMiB", rt.maxMemory() >> 20);
    result.put("java", System.getProperty("java.vm.version"));

    List<Double> build = new ArrayList<>();
    RuleSet rules = null;
    for (int r = 0; r <= repeat; r++) {
      long t = System.nanoTime();
      rules = RuleCompiler.compile(rulesDir);
      build.add(ms(t));
    }
    report(result, "ruleBuildFirstMs", build.get(0));
    report(result, "ruleRebuildMs", build.subList(1, build.size()));

    Path file = Files.createTempFile("catalog-" + size, ".json");
    long t = System.nanoTime();
    var g = CatalogGenerator.generate(GeneratorSpec.named(size, 1), 0);
    Files.writeString(file, Json.MAPPER.writeValueAsString(CatalogJson.write(g.catalog())));
    g = null;
    report(result, "generateMs", ms(t));
    result.put("snapshotMiB", Files.size(file) >> 20);
    long heapBefore = usedHeapAfterGc();
    result.put("heapBeforeLoadMiB", heapBefore >> 20);

    List<Double> read = new ArrayList<>(), settle = new ArrayList<>(), load = new ArrayList<>();
    Catalog loaded = null;
    for (int r = 0; r < repeat; r++) {
      loaded = null;
      long t0 = System.nanoTime();
      Catalog c = CatalogJson.read(Files.readString(file));
      long t1 = System.nanoTime();
      loaded = Engine.settle(rules, c).catalog();
      long t2 = System.nanoTime();
      read.add((t1 - t0) / 1e6);
      settle.add((t2 - t1) / 1e6);
      load.add((t2 - t0) / 1e6);
      c = null;
    }
    Files.delete(file);
    result.put("facts", loaded.size());
    report(result, "loadFirstMs", load.get(0));
    report(result, "loadMs", load);
    report(result, "readMs", read);
    report(result, "settleMs", settle);
    long heapAfter = usedHeapAfterGc();
    result.put("heapAfterLoadMiB", heapAfter >> 20);
    result.put("catalogHeapMiB", (heapAfter - heapBefore) >> 20);

    RuleSet rs = rules;
    Catalog cat = loaded;
    BenchCatalog calls = new BenchCatalog(cat,
        CatalogGenerator.generate(GeneratorSpec.named(size, 1), Math.max(launches, 10)).samples());
    List<Double> prop = new ArrayList<>();
    Decision removal = null;
    for (int r = 0; r < repeat; r++) {
      Call call = calls.removal(false);
      long t0 = System.nanoTime();
      Engine.Result res = Engine.evaluate(rs, cat, call);
      prop.add(ms(t0));
      removal = res.decision();
      BenchCatalog.requireAllowed("removal", removal);
    }
    report(result, "propagationMs", prop);
    result.put("removedProduct", calls.removedProduct);
    result.put("effects", removal.effects().size());
    var byKind = new TreeMap<String, Long>();
    for (Effect e : removal.effects()) byKind.merge(e.kind(), 1L, Long::sum);
    result.put("effectsByKind", byKind);

    if (launches > 0) {
      List<Double> lat = new ArrayList<>();
      for (int i = 0; i < launches; i++) {
        Call c = calls.launches.get(i % calls.launches.size());
        long t0 = System.nanoTime();
        BenchCatalog.requireAllowed("launch", Engine.evaluate(rs, cat, c).decision());
        lat.add((System.nanoTime() - t0) / 1e3);
      }
      List<Double> warm = lat.subList(lat.size() / 2, lat.size());
      report(result, "launchUs", warm);
      result.put("launchP99Us", percentile(warm, 0.99));
    }
    System.out.println("RESULT " + Json.MAPPER.writeValueAsString(result));
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  /** Heap in use after three collections: what the objects alive now hold. */
  static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void report(Map<String, Object> result, String key, double one) {
    result.put(key, Math.round(one));
    System.out.printf("%-22s %10.1f%n", key, one);
  }

  static void report(Map<String, Object> result, String key, List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    var stats = new LinkedHashMap<String, Object>();
    stats.put("median", round(percentile(s, 0.5)));
    stats.put("min", round(s.get(0)));
    stats.put("max", round(s.get(s.size() - 1)));
    stats.put("n", s.size());
    result.put(key, stats);
    System.out.printf("%-22s median %10.1f  min %10.1f  max %10.1f  (n=%d)%n", key, percentile(s, 0.5), s.get(0),
        s.get(s.size() - 1), s.size());
  }

  private static double round(double x) {
    return Math.round(x * 10) / 10.0;
  }

  private static double percentile(List<Double> xs, double q) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get((int) Math.min(s.size() - 1, Math.ceil(q * s.size()) - 1 < 0 ? 0 : Math.ceil(q * s.size()) - 1));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: OrgScale [--size org-5k] [--repeat 5] [--launches N] [--rules DIR]");
      }
      o.put(args[i].substring(2), args[++i]);
    }
    return o;
  }
}
