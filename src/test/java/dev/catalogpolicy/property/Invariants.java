package dev.catalogpolicy.property;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.Answer;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Effect;
import dev.catalogpolicy.engine.Reason;
import dev.catalogpolicy.engine.ReasonCodes;
import dev.catalogpolicy.model.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The invariants checked after every step, as test oracles over the catalog before and after the
 * step, the step's decision, and what probe users can launch after it ({@link PathView}). Each
 * names the semantics rule it holds the policy to. They are computed here, in Java, independently
 * of the DRL rules that make the decisions.
 */
final class Invariants {
  private Invariants() {}

  /** A broken invariant: its name, the semantics rules it pins, what was seen. */
  record Violation(String invariant, String rules, String message) {
    @Override
    public String toString() {
      return invariant + " (" + rules + "): " + message;
    }
  }

  /** One step: the catalog it met, its call and decision, the catalog after it, the probes before and after. */
  record Step(Catalog before, Call call, Decision decision, Catalog after, PathView viewBefore, PathView viewAfter) {}

  private static final Set<String> QUERIES = Set.of("ListLaunchPaths", "SearchProducts", "DescribeProvisioningParameters",
      "AuditCatalog", "ExplainImpact");

  static List<Violation> check(Step s) {
    List<Violation> out = new ArrayList<>();
    decisionShape(s, out);
    unchangedUnlessApplied(s, out);
    decisionPaths(s, out);
    probePaths(s.after(), s.viewAfter(), out);
    noReshare(s, out);
    removedProductsHaveNoPath(s, out);
    AuthorityInvariants.check(s.before(), s.call(), s.decision(), s.after(), out);
    stateInvariants(s.after(), out);
    return out;
  }

  /** The invariants of a state alone (also checked on the loaded catalog before any step). */
  static List<Violation> checkState(Catalog c, PathView view) {
    List<Violation> out = new ArrayList<>();
    probePaths(c, view, out);
    stateInvariants(c, out);
    return out;
  }

  // ---- R1/E1 every DENY has a reason and an AWS error -------------------------------------------------

  private static void decisionShape(Step s, List<Violation> out) {
    Decision d = s.decision();
    String inv = "deny-has-reason-and-error";
    String rules = "R1 E1";
    if (!Decision.ALLOW.equals(d.decision()) && !Decision.DENY.equals(d.decision())) {
      out.add(new Violation(inv, rules, "decision is " + d.decision()));
      return;
    }
    for (Reason r : d.reasons()) {
      if (!ReasonCodes.exists(r.code())) out.add(new Violation(inv, rules, "reason code " + r.code() + " is not in reason-codes.txt"));
      else if (!ReasonCodes.get(r.code()).outcome().equals(d.decision())) {
        out.add(new Violation(inv, rules, d.decision() + " carries reason " + r.code() + " of outcome " + ReasonCodes.get(r.code()).outcome()));
      }
      if (r.rule() == null || !r.rule().matches("[A-Z]\\d+ .+")) out.add(new Violation(inv, rules, "reason " + r.code()
          + " names no semantics rule: '" + r.rule() + "'"));
      if (r.message() == null || r.message().isBlank()) out.add(new Violation(inv, rules, "reason " + r.code() + " has no message"));
    }
    if (d.allowed()) {
      if (d.error() != null) out.add(new Violation(inv, rules, "ALLOW carries error " + d.error()));
      return;
    }
    if (d.reasons().isEmpty()) {
      out.add(new Violation(inv, rules, "DENY with no reason"));
      return;
    }
    String expected = ReasonCodes.exists(d.reasons().get(0).code()) ? ReasonCodes.get(d.reasons().get(0).code()).awsError() : null;
    if (d.error() == null || d.error().isBlank() || "-".equals(d.error())) {
      out.add(new Violation(inv, rules, "DENY " + PathView.codes(d) + " without an AWS error"));
    } else if (!d.error().equals(expected)) {
      out.add(new Violation(inv, rules, "DENY error " + d.error() + " is not that of its first reason " + d.reasons().get(0).code()
          + " (" + expected + ")"));
    }
  }

  // ---- R1 a DENY, a dry run, a query or a what-if changes nothing --------------------------------------

  private static void unchangedUnlessApplied(Step s, List<Violation> out) {
    boolean mayChange = s.decision().allowed() && !s.call().isDryRun() && !QUERIES.contains(s.call().getName());
    JsonNode before = CatalogJson.write(s.before());
    JsonNode after = CatalogJson.write(s.after());
    if (!mayChange && !before.equals(after)) {
      out.add(new Violation("deny-changes-nothing", "R1 E1", s.decision().decision() + " of " + s.call().getName()
          + (s.call().isDryRun() ? " (dry run)" : "") + " changed the catalog"));
    }
    boolean changes = s.decision().effects().stream().anyMatch(Effect::changesCatalog);
    if (mayChange && !changes && !before.equals(after)) {
      out.add(new Violation("effects-list-every-change", "E1", "the catalog changed but no effect says so"));
    }
  }

  // ---- L1/L7/I3 every path a decision names is the caller's, in its region, holding the product now ----

  private static void decisionPaths(Step s, List<Violation> out) {
    Decision d = s.decision();
    if (!d.allowed()) return;
    Call c = s.call().explained() != null ? s.call().explained() : s.call();
    if (d.paths() != null) {
      String product = c.str("ProductId");
      for (Answer.Path p : d.paths()) checkPath(s.before(), c.getAccount(), c.getRegion(), p.pathId(), product, p.pathKind(),
          c.getName(), out);
    }
    if (d.launch() != null && d.launch().pathId() != null) {
      String product = c.str("ProductId");
      if (product == null) {
        product = s.before().list(ProvisionedProduct.class).stream()
            .filter(pp -> Objects.equals(pp.id(), c.str("ProvisionedProductId")) || Objects.equals(pp.name(), c.str("ProvisionedProductName")))
            .filter(pp -> pp.account().equals(c.getAccount())).map(ProvisionedProduct::product).findFirst().orElse(null);
      }
      checkPath(s.before(), c.getAccount(), c.getRegion(), d.launch().pathId(), product, d.launch().pathKind(), c.getName(), out);
    }
  }

  private static void probePaths(Catalog cat, PathView view, List<Violation> out) {
    for (String f : view.faults()) out.add(new Violation("queries-agree", "L1", f));
    for (PathView.Path p : view.paths()) checkPath(cat, p.account(), p.region(), p.portfolio(), p.product(), p.kind(), "probe", out);
    importerSeesOwnerProducts(cat, view, out);
  }

  private static void checkPath(Catalog cat, String account, String region, String pid, String product, String kind, String by,
                                List<Violation> out) {
    String where = by + ": path " + pid + " (" + kind + ") of " + product + " for " + account + " in " + region;
    Optional<Portfolio> port = portfolio(cat, pid);
    if (port.isEmpty()) {
      out.add(new Violation("path-is-a-portfolio", "L1", where + ": no such portfolio"));
      return;
    }
    Portfolio p = port.get();
    if (!p.region().equals(region)) {
      out.add(new Violation("no-path-crosses-regions", "I3 L7", where + ": the portfolio lives in " + p.region()));
    }
    switch (kind) {
      case "OWNED" -> {
        if (!p.owner().equals(account)) out.add(new Violation("path-belongs-to-caller", "L1", where + ": owned by " + p.owner()));
        if (!holds(cat, pid, product, p.owner())) out.add(new Violation("path-holds-product-now", "L1 H6", where
            + ": the portfolio does not hold the product"));
      }
      case "IMPORTED" -> {
        if (p.owner().equals(account) || cat.list(Import.class).stream().noneMatch(i -> i.portfolio().equals(pid)
            && i.account().equals(account) && region.equals(i.region()))) {
          out.add(new Violation("path-belongs-to-caller", "L1 I3", where + ": no import of it by " + account + " in " + region));
        }
        if (!holds(cat, pid, product, p.owner())) out.add(new Violation("path-holds-product-now", "H1 H6", where
            + ": the shared portfolio does not hold the product now"));
        String prodOwner = productOwner(cat, product);
        if (!p.owner().equals(prodOwner)) out.add(new Violation("no-reshare", "S3", where + ": product of " + prodOwner
            + " re-shared through a portfolio of " + p.owner()));
      }
      case "LOCAL" -> {
        if (!p.owner().equals(account)) out.add(new Violation("path-belongs-to-caller", "L1 H4", where + ": owned by " + p.owner()));
        Optional<PortfolioProduct> pp = cat.list(PortfolioProduct.class).stream()
            .filter(x -> x.portfolio().equals(pid) && x.product().equals(product) && x.isLocal()).findFirst();
        if (pp.isEmpty()) {
          out.add(new Violation("path-holds-product-now", "H4", where + ": the local portfolio did not take the product"));
          return;
        }
        String src = pp.get().sourcePortfolio();
        Optional<Portfolio> source = portfolio(cat, src);
        if (source.isEmpty() || !holds(cat, src, product, source.get().owner())) {
          out.add(new Violation("removed-product-has-no-path", "H6", where + ": its source " + src + " no longer holds it"));
        }
        if (cat.list(Import.class).stream().noneMatch(i -> i.portfolio().equals(src) && i.account().equals(account)
            && region.equals(i.region()))) {
          out.add(new Violation("removed-product-has-no-path", "I4", where + ": the import of its source " + src + " has ended"));
        }
      }
      default -> out.add(new Violation("path-kind", "L1", where + ": unknown kind"));
    }
  }

  // ---- H1 an importer's products are the owner's current products -----------------------------------

  private static void importerSeesOwnerProducts(Catalog cat, PathView view, List<Violation> out) {
    for (Import i : cat.list(Import.class)) {
      Optional<Portfolio> port = portfolio(cat, i.portfolio());
      if (port.isEmpty() || !port.get().region().equals(i.region()) || port.get().owner().equals(i.account())) continue;
      Portfolio p = port.get();
      Set<String> owners = new java.util.TreeSet<>();
      cat.list(PortfolioProduct.class).stream().filter(pp -> pp.portfolio().equals(p.id()) && !pp.isLocal()
          && p.owner().equals(productOwner(cat, pp.product()))).forEach(pp -> owners.add(pp.product()));
      Set<String> seen = new java.util.TreeSet<>();
      view.paths().stream().filter(x -> x.account().equals(i.account()) && x.region().equals(p.region())
          && x.portfolio().equals(p.id()) && x.kind().equals("IMPORTED")).forEach(x -> seen.add(x.product()));
      boolean granted = cat.list(PrincipalAssociation.class).stream().anyMatch(a -> a.portfolio().equals(p.id())
          && a.account().equals(i.account()) && (a.arn().equals(Cast.developer(i.account())) || a.arn().equals(Cast.devsGroup(i.account()))
          || a.arn().equals(Cast.DEV_PATTERN)));
      if ((granted || !seen.isEmpty()) && !seen.equals(owners)) {
        out.add(new Violation("importer-sees-owner-products", "H1 H5 H6", "account " + i.account() + " imports " + p.id()
            + " (granted: " + granted + ") and can launch " + seen + " through it; the owner " + p.owner() + " holds " + owners));
      }
    }
  }

  // ---- S3 no share of a portfolio that holds another account's product --------------------------------

  private static void noReshare(Step s, List<Violation> out) {
    Call c = s.call();
    if (!c.getName().equals("CreatePortfolioShare") || !s.decision().allowed()) return;
    String pid = c.str("PortfolioId");
    Optional<Portfolio> port = portfolio(s.before(), pid);
    if (port.isEmpty()) {
      out.add(new Violation("no-reshare", "S1 R2", "ALLOW to share " + pid + ", which does not exist"));
      return;
    }
    if (!port.get().owner().equals(c.getAccount())) {
      out.add(new Violation("no-reshare", "S2 S3", "ALLOW for " + c.getAccount() + " to share " + pid + " of " + port.get().owner()));
    }
    for (PortfolioProduct pp : s.before().list(PortfolioProduct.class)) {
      String owner = productOwner(s.before(), pp.product());
      if (pp.portfolio().equals(pid) && !port.get().owner().equals(owner)) {
        out.add(new Violation("no-reshare", "S3", "ALLOW to share " + pid + " of " + port.get().owner() + ", which holds product "
            + pp.product() + " of " + owner));
      }
    }
  }

  // ---- H6/I4 a product removed from a shared portfolio has no path anywhere the next step -------------

  private static void removedProductsHaveNoPath(Step s, List<Violation> out) {
    if (!s.decision().allowed() || s.call().isDryRun() || s.call().explained() != null) return;
    for (Effect e : s.decision().effects()) {
      if (e.kind().equals("PRODUCT_DISASSOCIATED")) {
        String pid = e.portfolio(), prod = e.product();
        boolean shared = s.before().list(Import.class).stream().anyMatch(i -> i.portfolio().equals(pid))
            || s.before().list(Share.class).stream().anyMatch(x -> x.portfolio().equals(pid));
        if (!shared) continue;
        if (s.after().list(PortfolioProduct.class).stream().anyMatch(pp -> pid.equals(pp.sourcePortfolio()) && pp.product().equals(prod))) {
          out.add(new Violation("removed-product-has-no-path", "H6", "product " + prod + " left shared portfolio " + pid
              + " but a local portfolio still holds it from there"));
        }
        s.viewAfter().paths().stream().filter(p -> p.product().equals(prod) && p.portfolio().equals(pid)).forEach(p ->
            out.add(new Violation("removed-product-has-no-path", "H6", "product " + prod + " left shared portfolio " + pid
                + " but account " + p.account() + " still launches it through " + pid)));
      }
      if (e.kind().equals("IMPORT_REMOVED")) {
        String pid = e.portfolio(), acct = e.account();
        s.viewAfter().paths().stream().filter(p -> p.account().equals(acct) && p.portfolio().equals(pid)).forEach(p ->
            out.add(new Violation("removed-product-has-no-path", "I4", "the import of " + pid + " by " + acct
                + " ended but " + p.product() + " still launches through it")));
        if (s.after().list(PortfolioProduct.class).stream().anyMatch(pp -> pid.equals(pp.sourcePortfolio()) && pp.account().equals(acct)
            && s.after().list(Import.class).stream().noneMatch(i -> i.portfolio().equals(pid) && i.account().equals(acct)))) {
          out.add(new Violation("removed-product-has-no-path", "I4", "the import of " + pid + " by " + acct
              + " ended but a local portfolio of " + acct + " still holds a product taken from it"));
        }
      }
    }
  }

  // ---- state: A6 principals, I3 import regions, R5 constraints, S3 shared portfolios ----------------

  private static void stateInvariants(Catalog c, List<Violation> out) {
    OrganizationSync.check(c, out);
    Set<String> names = new java.util.HashSet<>();
    for (ProvisionedProduct pp : c.list(ProvisionedProduct.class)) {
      if (!names.add(pp.account() + "/" + pp.name())) {
        out.add(new Violation("launch-checks", "L4", "two provisioned products named " + pp.name() + " in " + pp.account()));
      }
    }
    for (PrincipalAssociation pa : c.list(PrincipalAssociation.class)) {
      String[] parts = pa.arn().split(":", 6);
      String named = parts.length == 6 ? parts[4] : "?";
      if (pa.type().equals(PrincipalAssociation.IAM) ? !named.equals(pa.account()) : !named.isEmpty()) {
        out.add(new Violation("principal-in-own-account", "A6", "account " + pa.account() + " associated " + pa.type() + " "
            + pa.arn() + " with " + pa.portfolio()));
      }
      Optional<Portfolio> p = portfolio(c, pa.portfolio());
      boolean mayAssociate = p.isPresent() && (p.get().owner().equals(pa.account())
          || c.list(Import.class).stream().anyMatch(i -> i.portfolio().equals(pa.portfolio()) && i.account().equals(pa.account())));
      if (!mayAssociate) {
        out.add(new Violation("principal-in-own-account", "A6 I4", "account " + pa.account() + " keeps principal " + pa.arn()
            + " on " + pa.portfolio() + ", which it neither owns nor imports"));
      }
    }
    for (Import i : c.list(Import.class)) {
      Optional<Portfolio> p = portfolio(c, i.portfolio());
      if (p.isEmpty() || !p.get().region().equals(i.region())) {
        out.add(new Violation("no-path-crosses-regions", "I3", "account " + i.account() + " imports " + i.portfolio() + " in "
            + i.region() + (p.isEmpty() ? ", which does not exist" : " but it lives in " + p.get().region())));
      }
    }
    for (Constraint con : c.list(Constraint.class)) {
      if (!c.list(PortfolioProduct.class).stream().anyMatch(pp -> pp.portfolio().equals(con.portfolio()) && pp.product().equals(con.product()))) {
        out.add(new Violation("constraint-follows-product", "R5", "constraint " + con.id() + " stays on " + con.product() + " in "
            + con.portfolio() + ", which no longer holds it"));
      }
    }
    for (Share sh : c.list(Share.class)) {
      Optional<Portfolio> p = portfolio(c, sh.portfolio());
      if (p.isEmpty()) {
        out.add(new Violation("no-reshare", "A8", "share of deleted portfolio " + sh.portfolio()));
        continue;
      }
      for (PortfolioProduct pp : c.list(PortfolioProduct.class)) {
        String owner = productOwner(c, pp.product());
        if (pp.portfolio().equals(sh.portfolio()) && !p.get().owner().equals(owner)) {
          out.add(new Violation("no-reshare", "S3", "portfolio " + sh.portfolio() + " of " + p.get().owner() + " is shared ("
              + sh.type() + " " + sh.value() + ") and holds product " + pp.product() + " of " + owner));
        }
      }
    }
    for (PortfolioProduct pp : c.list(PortfolioProduct.class)) {
      if (!pp.isLocal()) continue;
      boolean imported = c.list(Import.class).stream().anyMatch(i -> i.portfolio().equals(pp.sourcePortfolio())
          && i.account().equals(pp.account()));
      Optional<Portfolio> src = portfolio(c, pp.sourcePortfolio());
      if (!imported || src.isEmpty() || !holds(c, pp.sourcePortfolio(), pp.product(), src.get().owner())) {
        out.add(new Violation("removed-product-has-no-path", "H6 I4", "local portfolio " + pp.portfolio() + " of " + pp.account()
            + " holds " + pp.product() + " from " + pp.sourcePortfolio() + (imported ? ", which no longer holds it"
            : ", which " + pp.account() + " does not import")));
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  private static Optional<Portfolio> portfolio(Catalog c, String id) {
    return c.list(Portfolio.class).stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private static String productOwner(Catalog c, String product) {
    return c.list(Product.class).stream().filter(p -> p.id().equals(product)).map(Product::owner).findFirst().orElse(null);
  }

  /** The portfolio holds the product as its owner associated it (not as a local copy of another's). */
  private static boolean holds(Catalog c, String portfolio, String product, String owner) {
    return c.list(PortfolioProduct.class).stream().anyMatch(pp -> pp.portfolio().equals(portfolio) && pp.product().equals(product)
        && pp.account().equals(owner) && !pp.isLocal());
  }
}
