package dev.catalogpolicy.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.engine.Answer;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Effect;
import dev.catalogpolicy.engine.Impact;
import dev.catalogpolicy.engine.Reason;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;

import java.util.*;

import static dev.catalogpolicy.json.Fields.*;

/**
 * What a step expects of its decision (api.md §4); unknown keys are an error. Beyond api.md §4,
 * {@code findings} (AuditCatalog codes) and {@code impact} (ExplainImpact: a partial match of the
 * impact object, see {@link PartialMatch}).
 */
public record Expectation(String decision, List<String> reasons, String error, Map<String, Optional<String>> launch,
                         Set<String> paths, Set<String> products, List<Map<String, String>> effects,
                         List<String> findings, JsonNode impact) {
  private static final Set<String> KEYS = Set.of("decision", "reason", "reasons", "error", "launchRoleArn",
      "launchRoleSource", "billingAccount", "pathId", "paths", "products", "effects", "findings",
      "impact");
  private static final List<String> LAUNCH_KEYS = List.of("launchRoleArn", "launchRoleSource", "billingAccount", "pathId");
  private static final Set<String> EFFECT_KEYS = Set.of("kind", "op", "account", "portfolio", "product", "detail", "rule");

  public static Expectation parse(JsonNode node, String path) {
    object(node, path);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) throw new BadRequest(child(path, k), "unknown expectation '" + k + "'; known: " + new TreeSet<>(KEYS));
    }
    String decision = optionalText(node, "decision", path);
    if (decision != null && !decision.equals("ALLOW") && !decision.equals("DENY")) {
      throw new BadRequest(child(path, "decision"), "decision must be ALLOW or DENY, got '" + decision + "'");
    }
    List<String> reasons = new ArrayList<>();
    String one = optionalText(node, "reason", path);
    if (one != null) reasons.add(one);
    reasons.addAll(optionalTextList(node, "reasons", path));
    Map<String, Optional<String>> launch = new LinkedHashMap<>();
    for (String k : LAUNCH_KEYS) {
      if (node.has(k)) launch.put(k, Optional.ofNullable(optionalText(node, k, path)));
    }
    Set<String> paths = node.has("paths") ? new TreeSet<>(optionalTextList(node, "paths", path)) : null;
    Set<String> products = node.has("products") ? new TreeSet<>(optionalTextList(node, "products", path)) : null;
    List<Map<String, String>> effects = optionalList(node, "effects", path, (e, ep) -> {
      Map<String, String> m = new LinkedHashMap<>();
      e.fieldNames().forEachRemaining(k -> {
        if (!EFFECT_KEYS.contains(k)) throw new BadRequest(child(ep, k), "unknown effect field '" + k + "'; known: " + new TreeSet<>(EFFECT_KEYS));
        m.put(k, optionalText(e, k, ep));
      });
      return m;
    });
    List<String> findings = node.has("findings") ? optionalTextList(node, "findings", path) : null;
    JsonNode impact = node.get("impact");
    if (impact != null) {
      String ip = child(path, "impact");
      object(impact, ip);
      impact.fieldNames().forEachRemaining(k -> {
        if (!Impact.FIELDS.contains(k)) throw new BadRequest(child(ip, k), "unknown impact field '" + k + "'; known: "
            + new TreeSet<>(Impact.FIELDS));
      });
    }
    return new Expectation(decision, reasons, optionalText(node, "error", path), launch, paths, products, effects, findings,
        impact);
  }

  /** Every way the decision differs from this expectation; empty when it meets it. */
  public List<String> mismatches(Decision d) {
    List<String> out = new ArrayList<>();
    if (decision != null && !decision.equals(d.decision())) out.add("decision: expected " + decision + ", got " + d.decision()
        + describe(d.reasons()));
    Set<String> got = new LinkedHashSet<>();
    d.reasons().forEach(r -> got.add(r.code()));
    for (String r : reasons) if (!got.contains(r)) out.add("reason: expected " + r + " among " + got);
    if (error != null && !error.equals(d.error())) out.add("error: expected " + error + ", got " + d.error());
    Answer.Launch l = d.launch();
    launch.forEach((k, v) -> {
      String actual = l == null ? null : switch (k) {
        case "launchRoleArn" -> l.launchRoleArn();
        case "launchRoleSource" -> l.launchRoleSource();
        case "billingAccount" -> l.billingAccount();
        default -> l.pathId();
      };
      if (!Objects.equals(v.orElse(null), actual)) out.add(k + ": expected " + v.orElse(null) + ", got " + actual);
    });
    if (paths != null) {
      Set<String> actual = new TreeSet<>();
      if (d.paths() != null) d.paths().forEach(p -> actual.add(p.pathId()));
      if (!paths.equals(actual)) out.add("paths: expected " + paths + ", got " + actual);
    }
    if (products != null) {
      Set<String> actual = d.products() == null ? Set.of() : new TreeSet<>(d.products());
      if (!products.equals(actual)) out.add("products: expected " + products + ", got " + actual);
    }
    if (findings != null) {
      List<String> actual = d.findings() == null ? List.of() : d.findings().stream().map(Answer.Finding::code).toList();
      if (findings.isEmpty() && !actual.isEmpty()) out.add("findings: expected none, got " + actual);
      for (String f : findings) if (!actual.contains(f)) out.add("findings: expected " + f + " among " + actual);
    }
    if (impact != null) {
      if (d.impact() == null) out.add("impact: expected " + impact + ", but the decision has no impact (only ExplainImpact has one)");
      else out.addAll(PartialMatch.mismatches(impact, Json.MAPPER.valueToTree(d.impact()), "impact"));
    }
    for (Map<String, String> e : effects) {
      if (d.effects().stream().noneMatch(a -> matches(e, a))) out.add("effects: expected " + e + " among " + d.effects().size()
          + " effect(s) " + summary(d.effects()));
    }
    return out;
  }

  private static boolean matches(Map<String, String> expected, Effect e) {
    for (var x : expected.entrySet()) {
      String actual = switch (x.getKey()) {
        case "kind" -> e.kind();
        case "op" -> e.op();
        case "account" -> e.account();
        case "portfolio" -> e.portfolio();
        case "product" -> e.product();
        case "detail" -> e.detail();
        default -> e.rule();
      };
      if (!Objects.equals(x.getValue(), actual)) return false;
    }
    return true;
  }

  private static String describe(List<Reason> reasons) {
    if (reasons.isEmpty()) return "";
    StringBuilder sb = new StringBuilder(" (");
    for (Reason r : reasons) sb.append(sb.length() > 2 ? "; " : "").append(r.code()).append(": ").append(r.message());
    return sb.append(")").toString();
  }

  private static String summary(List<Effect> effects) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < effects.size() && i < 12; i++) {
      Effect e = effects.get(i);
      sb.append(i > 0 ? ", " : "").append(e.kind()).append("(").append(e.account()).append(",").append(e.portfolio())
          .append(",").append(e.product()).append(")");
    }
    return sb.append(effects.size() > 12 ? ", …]" : "]").toString();
  }
}
