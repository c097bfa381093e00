package dev.catalogpolicy.bench;

import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.generate.CatalogGenerator;
import dev.catalogpolicy.generate.GeneratorSpec;
import dev.catalogpolicy.live.LiveCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule reloads on a live catalog of one generated size, as {@code POST /v1/rules/reload} makes them
 * (docs/performance.md): the rules compiled from a copy of {@code rules/}, then swapped into the live
 * catalog. {@code REPEAT} reloads after an edit a policy author makes (one denial's message in
 * launch.drl, changed and changed back: the sessions are updated in place), then {@code REPEAT} after
 * an edit to a derivation (loaded afresh into new sessions). Each reload reports compile, swap and
 * total milliseconds.
 *
 * <pre>java -cp target/bench/benchmarks.jar dev.catalogpolicy.bench.ReloadScale org-5k [REPEAT] [REPLICAS]</pre>
 * Prints one line per reload and a final JSON line ({@code RESULT {...}}).
 */
public final class ReloadScale {
  private ReloadScale() {}

  public static void main(String[] args) throws Exception {
    String size = args.length > 0 ? args[0] : "org-5k";
    int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int replicas = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path rules = Files.createTempDirectory("reload-rules");
    for (Path f : RuleCompiler.ruleFiles(Path.of(System.getProperty("catalogpolicy.rules", "rules")))) {
      Files.copy(f, rules.resolve(f.getFileName()));
    }
    Path launch = rules.resolve("launch.drl");
    String original = Files.readString(launch);
    if (!original.contains("; give a PathId") || !original.contains("\n  insert($s);\n")) {
      throw new IllegalStateException("launch.drl no longer has the denial and the derivation this benchmark edits");
    }
    CatalogGenerator.Generated g = CatalogGenerator.generate(GeneratorSpec.named(size, 1), 10);
    Path data = Files.createTempDirectory("reload-scale");
    LiveCatalog live = LiveCatalog.open(data, RuleCompiler.compile(rules), "generated " + size, g::catalog,
        Integer.MAX_VALUE, replicas);
    live.awaitReplicas();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("size", size);
    result.put("replicas", replicas);
    result.put("facts", live.state().catalog().size());
    String message = original.replace("; give a PathId", "; name one with PathId");
    String derivation = original.replace("\n  insert($s);\n", "\n  insert($s); // edited by ReloadScale\n");
    result.put("inPlace", reloads(live, launch, repeat, message, original, "a denial's message"));
    result.put("afresh", reloads(live, launch, repeat, derivation, original, "a derivation"));
    live.close();
    System.out.println("RESULT " + dev.catalogpolicy.json.Json.MAPPER.writeValueAsString(result));
  }

  /** {@code repeat} reloads, the file alternating between {@code edited} and {@code original}. */
  private static Map<String, Object> reloads(LiveCatalog live, Path file, int repeat, String edited, String original,
      String what) throws Exception {
    List<Double> compile = new ArrayList<>(), swap = new ArrayList<>(), total = new ArrayList<>();
    for (int i = 0; i < repeat; i++) {
      Files.writeString(file, i % 2 == 0 ? edited : original);
      long t0 = System.nanoTime();
      RuleSet rs = RuleCompiler.compile(file.getParent());
      long t1 = System.nanoTime();
      live.reload(rs);
      long t2 = System.nanoTime();
      live.awaitReplicas(); // replicas rebuilt in the background after a fresh load: not part of the reload
      compile.add((t1 - t0) / 1e6);
      swap.add((t2 - t1) / 1e6);
      total.add((t2 - t0) / 1e6);
      System.out.printf("%s edited: compile %.0f ms, swap %.0f ms, reload %.0f ms%n", what, compile.get(i), swap.get(i),
          total.get(i));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    OrgScale.report(m, "compileMs", compile);
    OrgScale.report(m, "swapMs", swap);
    OrgScale.report(m, "reloadMs", total);
    return m;
  }
}
