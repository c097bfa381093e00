package dev.catalogpolicy.bench;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleCompiler;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.generate.CatalogGenerator;
import dev.catalogpolicy.generate.GeneratorSpec;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.live.LiveCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The live catalog at one generated size, as the server runs it (docs/performance.md, growth table):
 * the time to open it from a snapshot file (read, parse, settle, the primary session built), heap
 * after opening, a loop of dry-run launches through {@link LiveCatalog#decide}, the dry run of the
 * org-wide product removal and its ExplainImpact, AuditCatalog, that removal applied and undone through
 * {@link LiveCatalog#submit} (journaled, every read replica updated), the organization's membership calls
 * (an account moved, an account removed) and Organizations access disabled, and the org-wide share's
 * deletion.
 *
 * <pre>java -cp target/bench/benchmarks.jar dev.catalogpolicy.bench.LiveScale org-5k [LAUNCHES] [REPLICAS]</pre>
 * Prints one line per measure and a final JSON line ({@code RESULT {...}}).
 */
public final class LiveScale {
  private LiveScale() {}

  public static void main(String[] args) throws Exception {
    String size = args.length > 0 ? args[0] : "org-5k";
    int launches = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int replicas = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("size", size);
    result.put("replicas", replicas);
    RuleSet rules = RuleCompiler.compile(Path.of(System.getProperty("catalogpolicy.rules", "rules")));
    CatalogGenerator.Generated g = CatalogGenerator.generate(GeneratorSpec.named(size, 1), 1000);
    Path file = Files.createTempFile("catalog-" + size, ".json");
    Files.writeString(file, Json.MAPPER.writeValueAsString(CatalogJson.write(g.catalog())));
    Path data = Files.createTempDirectory("live-scale");
    long before = OrgScale.usedHeapAfterGc();

    long t0 = System.nanoTime();
    LiveCatalog live = LiveCatalog.open(data, rules, file.toString(), () -> read(file), Integer.MAX_VALUE, replicas);
    put(result, "openMs", (System.nanoTime() - t0) / 1e6);
    live.awaitReplicas();
    put(result, "openWithReplicasMs", (System.nanoTime() - t0) / 1e6);
    result.put("facts", live.state().catalog().size());
    result.put("heapAfterOpenMiB", (OrgScale.usedHeapAfterGc() - before) >> 20);

    BenchCatalog calls = new BenchCatalog(live.state().catalog(), g.samples());
    calls.check(c -> live.decide(c).result().decision(), 3);
    List<Call> l = calls.launches;
    for (int i = 0; i < launches / 2; i++) live.decide(l.get(i % l.size())); // warm-up
    long[] lat = new long[launches];
    for (int i = 0; i < launches; i++) {
      long s = System.nanoTime();
      live.decide(l.get(i % l.size()));
      lat[i] = System.nanoTime() - s;
    }
    percentiles(result, "launchUs", lat, 1e3);

    Call removal = calls.removal(false);
    long[] dry = new long[15];
    Decision dryRun = timed(live, removal, dry, "removal");
    percentiles(result, "dryRunRemovalMs", dry, 1e6);
    result.put("removalEffects", dryRun.effects().size());

    // ExplainImpact of the same removal: the dry run, then every affected principal's launch paths of
    // the removed product before and after it, derived in the live session
    Call explain = new Call("ExplainImpact", removal.getCaller(), null, false, removal.asDryRun());
    long[] impact = new long[3];
    JsonNode report = Json.MAPPER.valueToTree(timed(live, explain, impact, "ExplainImpact").impact());
    percentiles(result, "explainImpactMs", impact, 1e6);
    result.put("explainImpactPrincipals", report.get("principalsChecked").asInt());
    result.put("explainImpactPathsLost", report.get("pathsLost").size());
    result.put("explainImpactTruncated", report.get("truncated").asBoolean());

    // AuditCatalog: every finding the rules make of the catalog. Its answer is kept from its second
    // decision (live/Answers), so only the first two are decided and timed
    long[] audits = new long[2];
    Decision audited = timed(live, calls.audit(), audits, "AuditCatalog");
    percentiles(result, "auditCatalogMs", audits, 1e6);
    result.put("auditFindings", audited.findings().size());

    // applied: the first removal reaches every import and local portfolio; putting the product back
    // restores the imports (H5) but not the local portfolios, so later rounds have fewer effects
    Call back = new Call("AssociateProductWithPortfolio", removal.getCaller(), removal.input(), false);
    long[] applied = new long[5];
    for (int i = 0; i < applied.length; i++) {
      long s = System.nanoTime();
      Engine.Result r = live.submit(removal).result();
      applied[i] = System.nanoTime() - s;
      BenchCatalog.requireAllowed("applied removal", r.decision());
      if (i == 0) {
        put(result, "appliedRemovalFirstMs", applied[0] / 1e6);
        result.put("appliedRemovalFirstEffects", r.decision().effects().size());
      }
      BenchCatalog.requireAllowed("undo", live.submit(back).result().decision());
    }
    percentiles(result, "appliedRemovalMs", applied, 1e6);

    // the organization's membership calls (O3), dry runs: a different account each time (a new question,
    // decided by the rules), three untimed first
    List<Map.Entry<String, IntFunction<Call>>> membership = List.of(Map.entry("moveAccount", calls::moveAccount),
        Map.entry("removeAccount", calls::removeAccount));
    for (Map.Entry<String, IntFunction<Call>> m : membership) {
      String key = m.getKey();
      long[] t = new long[10];
      Decision d = timed(live, m.getValue(), t, key);
      percentiles(result, key + "Ms", Arrays.copyOfRange(t, 3, t.length), 1e6);
      result.put(key + "Effects", d.effects().size());
    }
    // Organizations access disabled (O2), dry run: refused while the organization has delegated
    // administrators, so they are deregistered first (applied). Its answer is kept from its second
    // decision, so the first two are timed
    for (Call d : calls.deregisterDelegatedAdmins()) BenchCatalog.requireAllowed("deregistration", live.submit(d).result().decision());
    long[] disable = new long[2];
    result.put("disableOrgAccessEffects", timed(live, calls.disableOrgAccess(), disable, "disabling").effects().size());
    percentiles(result, "disableOrgAccessMs", disable, 1e6);

    // the org-wide share deleted (dry run), the largest propagation the generated catalogs have: last, so
    // that its garbage weighs on no other measure; its answer is too heavy to be kept, so each is decided.
    // Three untimed first: its first decisions run with the JIT cold (2-3x the steady time at org-20k)
    long[] unshare = new long[5];
    timed(live, calls.orgShareDeletion(), new long[3], "org-wide share deletion");
    Decision unshared = timed(live, calls.orgShareDeletion(), unshare, "org-wide share deletion");
    percentiles(result, "orgShareDeletionDryRunMs", unshare, 1e6);
    result.put("orgShareDeletionEffects", unshared.effects().size());
    live.close();
    try (var files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    Files.delete(file);
    System.out.println("RESULT " + Json.MAPPER.writeValueAsString(result));
  }

  /** Decides {@code call} once per slot of {@code nanos}, timing each; every decision must allow. Returns the last. */
  private static Decision timed(LiveCatalog live, Call call, long[] nanos, String what) {
    return timed(live, i -> call, nanos, what);
  }

  /** Decides call {@code i} of {@code calls} for each slot {@code i} of {@code nanos}, as {@link #timed(LiveCatalog, Call, long[], String)}. */
  private static Decision timed(LiveCatalog live, IntFunction<Call> calls, long[] nanos, String what) {
    Decision d = null;
    for (int i = 0; i < nanos.length; i++) {
      Call call = calls.apply(i);
      long s = System.nanoTime();
      d = live.decide(call).result().decision();
      nanos[i] = System.nanoTime() - s;
      BenchCatalog.requireAllowed(what, d);
    }
    return d;
  }

  private static Catalog read(Path file) {
    try {
      return CatalogJson.read(Files.readString(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void put(Map<String, Object> result, String key, double v) {
    result.put(key, Math.round(v));
    System.out.printf("%-22s %10.1f%n", key, v);
  }

  private static void percentiles(Map<String, Object> result, String key, long[] nanos, double unit) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    Map<String, Object> m = new LinkedHashMap<>();
    for (double q : new double[] {0.5, 0.9, 0.99}) {
      m.put("p" + Math.round(q * 100), Math.round(s[(int) Math.min(s.length - 1, q * s.length)] / unit * 10) / 10.0);
    }
    m.put("n", s.length);
    result.put(key, m);
    System.out.printf("%-22s %s%n", key, m);
  }


}
