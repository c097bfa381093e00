package dev.catalogpolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Effect;
import dev.catalogpolicy.engine.Impact;
import dev.catalogpolicy.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code explain --catalog FILE CALL.json}: the decision and, for each deciding rule, the chain of facts behind it. */
@Command(name = "explain", description = "Explain one decision: each deciding rule and the facts it matched, down to the catalog.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin
  CallOptions options;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() {
    if (!format.equalsIgnoreCase("text") && !format.equalsIgnoreCase("json")) {
      System.err.println("--format takes text or json, got '" + format + "'");
      return 2;
    }
    LoadedCall in = options.load();
    if (in == null) return 2;
    Decision d = in.decide(true);
    if (format.equalsIgnoreCase("json")) {
      System.out.println(Json.pretty(d));
    } else {
      print(System.out, in.call(), d);
    }
    return 0;
  }

  static void print(PrintStream out, Call call, Decision d) {
    out.println(d.decision() + (d.error() == null ? "" : " (" + d.error() + ")") + ": " + call.getName() + " by "
        + (call.getPrincipal() != null ? call.getPrincipal() : call.getAccount()) + " in " + call.getRegion());
    for (var r : d.reasons()) {
      out.println("  " + r.code() + "  rule \"" + r.rule() + "\"");
      out.println("    " + r.message());
      if (r.facts() != null) for (Object f : r.facts()) fact(out, Json.MAPPER.valueToTree(f), 3);
    }
    if (d.launch() != null && d.launch().pathId() != null) {
      out.println("  launch: path " + d.launch().pathId() + " (" + d.launch().pathKind() + "), role "
          + d.launch().launchRoleArn() + " (" + d.launch().launchRoleSource() + "), billed to " + d.launch().billingAccount());
    }
    for (Effect e : d.effects()) {
      out.println("  effect " + e.kind() + " account=" + e.account() + " portfolio=" + e.portfolio() + " product="
          + e.product() + (e.detail() == null ? "" : " (" + e.detail() + ")") + "  by \"" + e.rule() + "\"");
    }
    if (d.impact() instanceof Impact.Report im) impact(out, im);
  }

  /** ExplainImpact: one line per launch path gained, lost or changed, and per provisioned product left without a path. */
  private static void impact(PrintStream out, Impact.Report im) {
    out.println("  impact of " + im.call() + " (" + im.decision() + "): " + im.changes() + " change(s); accounts "
        + im.accounts() + "; portfolios " + im.portfolios() + "; " + im.principalsChecked() + " principal(s) checked"
        + (im.truncated() ? " (truncated: more principals than the limit)" : ""));
    for (Impact.PathEntry p : im.pathsGained()) out.println("  path gained " + path(p) + "  " + terms(p));
    for (Impact.PathEntry p : im.pathsLost()) out.println("  path lost   " + path(p));
    for (Impact.PathChange c : im.pathsChanged()) {
      out.println("  path changed " + c.account() + " " + c.principal() + " " + c.pathId() + "/" + c.product() + " " + c.changed()
          + ": " + terms(c.before()) + " -> " + terms(c.after()));
    }
    for (Impact.ProvisionedProductEntry pp : im.provisionedProductsWithoutPath()) {
      out.println("  provisioned product left without a path " + pp.id() + " (" + pp.name() + ") account=" + pp.account()
          + " product=" + pp.product() + " path=" + pp.path() + " launchedBy=" + pp.launchedBy());
    }
    for (Impact.ProvisionedProductEntry pp : im.provisionedProductsWithPathAgain()) {
      out.println("  provisioned product with a path again " + pp.id() + " (" + pp.name() + ") account=" + pp.account()
          + " path=" + pp.path());
    }
  }

  private static String path(Impact.PathEntry p) {
    return p.account() + " " + p.principal() + (p.principalType().equals("IAM_PATTERN") ? " (pattern)" : "") + " "
        + p.pathId() + "/" + p.product() + " (" + p.pathKind() + ")";
  }

  private static String terms(Impact.PathEntry p) {
    return "role " + p.launchRoleArn() + " (" + p.launchRoleSource() + "), template constraints " + p.templateConstraints();
  }

  private static String terms(Impact.Terms t) {
    return "role " + t.launchRoleArn() + " (" + t.launchRoleSource() + "), billed to " + t.billingAccount()
        + ", launch constraints " + t.launchConstraints() + ", template constraints " + t.templateConstraints();
  }

  private static void fact(PrintStream out, JsonNode node, int depth) {
    String pad = "  ".repeat(depth);
    out.println(pad + node.path("type").asText() + " " + Json.compact(node.path("fact")));
    JsonNode by = node.get("derivedBy");
    if (by != null) {
      out.println(pad + "  <- \"" + by.path("rule").asText() + "\" from" + (by.path("from").isEmpty() ? " the call" : ""));
      for (JsonNode f : by.path("from")) fact(out, f, depth + 2);
    }
  }
}
