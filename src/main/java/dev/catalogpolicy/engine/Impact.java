package dev.catalogpolicy.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.LaunchPaths.Path;
import dev.catalogpolicy.engine.LaunchPaths.Principal;
import dev.catalogpolicy.model.ProvisionedProduct;

import java.util.*;

/**
 * ExplainImpact (semantics E1, api.md §1): what a call would change, applied to nothing. Besides the
 * decision and its effects, the launch paths it would give or take: the rules derive the launch paths
 * of each principal that matters, for the products the change can reach ({@link ImpactScope}), in the
 * catalog before the call and in the catalog the call would give (in fresh sessions, or in the live
 * engine's own session with the change made and undone), and the difference is the answer: paths gained, paths lost, paths
 * whose launch role or constraints change, and provisioned products whose launcher would be left
 * without a path through the portfolio they were launched from (H7: they keep running, but cannot
 * be updated through it).
 */
public final class Impact {
  private static final int MAX_PRINCIPALS = Integer.getInteger("catalogpolicy.maxImpactPrincipals", 5_000);

  /** The {@code impact} of an ExplainImpact decision. */
  public record Report(String call, String decision, int changes, List<String> accounts, List<String> portfolios,
                       int principalsChecked, boolean truncated, List<PathEntry> pathsGained,
                       List<PathEntry> pathsLost, List<PathChange> pathsChanged,
                       List<ProvisionedProductEntry> provisionedProductsWithoutPath,
                       List<ProvisionedProductEntry> provisionedProductsWithPathAgain) {}

  /**
   * What a path launches with: its launch role (the first launch constraint by id where a snapshot
   * holds two, as ListLaunchPaths shows it), who pays, and the launch and template constraints in force.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Terms(String launchRoleArn, String launchRoleSource, String billingAccount, List<String> launchConstraints,
                      List<String> templateConstraints) {}

  /** A path one principal gains or loses, with what it launches with. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record PathEntry(String account, String region, String principal, String principalType, String pathId,
                          String product, String pathKind, String launchRoleArn, String launchRoleSource,
                          String billingAccount, List<String> launchConstraints, List<String> templateConstraints) {
    static PathEntry of(Principal p, Path path) {
      Terms t = path.terms();
      return new PathEntry(p.account(), p.region(), p.arn(), p.type(), path.pathId(), path.product(), path.pathKind(),
          t.launchRoleArn(), t.launchRoleSource(), t.billingAccount(), t.launchConstraints(), t.templateConstraints());
    }
  }

  /** A path one principal keeps, launched differently: {@code changed} names what differs. */
  public record PathChange(String account, String region, String principal, String principalType, String pathId,
                           String product, String pathKind, List<String> changed, Terms before, Terms after) {}

  /** A provisioned product whose launcher loses (or regains) a path through the portfolio it was launched from. */
  public record ProvisionedProductEntry(String id, String name, String account, String product, String path,
                                        String launchedBy) {
    static ProvisionedProductEntry of(ProvisionedProduct pp) {
      return new ProvisionedProductEntry(pp.id(), pp.name(), pp.account(), pp.product(), pp.path(), pp.launchedBy());
    }
  }

  /** The names of {@link Report}'s fields (what an {@code impact} expectation may name). */
  public static final Set<String> FIELDS = Arrays.stream(Report.class.getRecordComponents())
      .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private Impact() {}

  /**
   * The launch paths of principals (by {@link Path#key()}), asked about the scope's products. An
   * implementation may stop early (see {@link #outOfTime}) and answer for the first principals only:
   * the report is then {@code truncated}, as past the principal limit, instead of the whole call
   * failing at the evaluation limit.
   */
  interface Paths {
    Map<Principal, Map<String, Path>> of(List<Principal> principals, Set<String> products);
  }

  /** A phase of path derivations that began at {@code start} has used its share (a third) of the evaluation limit. */
  static boolean outOfTime(long start) {
    return System.nanoTime() - start > Engine.MAX_NANOS / 3;
  }

  /**
   * The impact of {@code call}, whose dry run on {@code before} is {@code dry}: the paths come from
   * fresh sessions on {@code before} and on the catalog the call would give.
   */
  static Report of(RuleSet rules, Catalog before, Call call, Engine.Result dry) {
    return of(before, call, dry, (ps, products) -> fresh(rules, before, ps, products),
        (ps, products) -> fresh(rules, dry.wouldBe(), ps, products));
  }

  static Map<Principal, Map<String, Path>> fresh(RuleSet rules, Catalog catalog, List<Principal> principals,
                                                         Set<String> products) {
    try (LaunchPaths paths = new LaunchPaths(rules, catalog)) {
      return paths.ofAll(principals, products);
    }
  }

  /**
   * As above, with the paths from {@code was} (on {@code before}) and then from {@code will} (on the
   * catalog the call would give): all of the first before any of the second, so that one session can
   * answer both, the change applied in between ({@link StatefulEngine}).
   */
  static Report of(Catalog before, Call call, Engine.Result dry, Paths was, Paths will) {
    Decision d = dry.decision();
    Catalog after = d.allowed() ? dry.wouldBe() : before;
    SortedSet<String> accounts = new TreeSet<>(), portfolios = new TreeSet<>();
    for (Effect e : d.effects()) {
      if (e.account() != null) accounts.add(e.account());
      if (e.portfolio() != null) portfolios.add(e.portfolio());
    }
    List<PathEntry> gained = new ArrayList<>(), lost = new ArrayList<>();
    List<PathChange> changed = new ArrayList<>();
    List<ProvisionedProductEntry> withoutPath = new ArrayList<>(), pathAgain = new ArrayList<>();
    int checked = 0;
    boolean truncated = false;
    if (d.allowed() && after != before) {
      ImpactScope scope = ImpactScope.of(before, dry);
      List<Principal> principals = scope.principals;
      if (principals.size() > MAX_PRINCIPALS) {
        principals = principals.subList(0, MAX_PRINCIPALS);
        truncated = true;
      }
      Map<Principal, Map<String, Path>> had = was.of(principals, scope.products);
      Map<Principal, Map<String, Path>> has = will.of(answered(principals, had), scope.products);
      // out of time in either phase (Paths): the diff covers the principals both answered
      if (has.size() < principals.size()) truncated = true;
      principals = answered(principals, has);
      checked = principals.size();
      for (Principal p : principals) diff(p, had.get(p), has.get(p), gained, lost, changed);
      provisioned(before, after, scope, had, has, withoutPath, pathAgain);
    }
    gained.forEach(e -> { accounts.add(e.account()); portfolios.add(e.pathId()); });
    lost.forEach(e -> { accounts.add(e.account()); portfolios.add(e.pathId()); });
    changed.forEach(e -> { accounts.add(e.account()); portfolios.add(e.pathId()); });
    return new Report(call.getName(), d.decision(), d.effects().size(), List.copyOf(accounts), List.copyOf(portfolios),
        checked, truncated, gained, lost, changed, withoutPath, pathAgain);
  }

  /** The principals, in order, that {@code paths} answers for. */
  private static List<Principal> answered(List<Principal> principals, Map<Principal, ?> paths) {
    return paths.size() == principals.size() ? principals : principals.stream().filter(paths::containsKey).toList();
  }

  private static void diff(Principal p, Map<String, Path> was, Map<String, Path> will, List<PathEntry> gained,
                           List<PathEntry> lost, List<PathChange> changed) {
    for (Path w : was.values()) {
      Path n = will.get(w.key());
      if (n == null) {
        lost.add(PathEntry.of(p, w));
        continue;
      }
      List<String> what = new ArrayList<>();
      Terms a = w.terms(), b = n.terms();
      if (!Objects.equals(w.pathKind(), n.pathKind())) what.add("pathKind");
      if (!Objects.equals(a.launchRoleArn(), b.launchRoleArn()) || !Objects.equals(a.launchRoleSource(), b.launchRoleSource())) {
        what.add("launchRole");
      }
      if (!Objects.equals(a.billingAccount(), b.billingAccount())) what.add("billingAccount");
      if (!a.launchConstraints().equals(b.launchConstraints())) what.add("launchConstraints");
      if (!a.templateConstraints().equals(b.templateConstraints())) what.add("templateConstraints");
      if (!what.isEmpty()) {
        changed.add(new PathChange(p.account(), p.region(), p.arn(), p.type(), n.pathId(), n.product(), n.pathKind(),
            what, a, b));
      }
    }
    for (Path n : will.values()) if (!was.containsKey(n.key())) gained.add(PathEntry.of(p, n));
  }

  /**
   * Provisioned products of the scoped accounts whose launcher had a path through the portfolio they
   * were launched from and would have none (or had none and would have one again).
   */
  private static void provisioned(Catalog before, Catalog after, ImpactScope scope, Map<Principal, Map<String, Path>> was,
                                  Map<Principal, Map<String, Path>> will, List<ProvisionedProductEntry> withoutPath,
                                  List<ProvisionedProductEntry> pathAgain) {
    Map<String, ProvisionedProduct> earlier = new HashMap<>();
    before.list(ProvisionedProduct.class).forEach(pp -> earlier.put(pp.id(), pp));
    for (ProvisionedProduct now : after.list(ProvisionedProduct.class)) {
      ProvisionedProduct then = earlier.get(now.id());
      if (then == null || now.launchedBy() == null || !scope.accounts.contains(now.account())) continue;
      Map<String, Path> b = was.get(launcher(scope, then)), a = will.get(launcher(scope, now));
      if (b == null || a == null) continue; // the launcher was not checked (e.g. past the principal limit)
      boolean had = b.containsKey(LaunchPaths.key(then.path(), then.product()));
      boolean has = a.containsKey(LaunchPaths.key(now.path(), now.product()));
      if (had && !has) withoutPath.add(ProvisionedProductEntry.of(now));
      if (!had && has) pathAgain.add(ProvisionedProductEntry.of(now));
    }
  }

  private static Principal launcher(ImpactScope scope, ProvisionedProduct pp) {
    return new Principal(pp.account(), scope.region(pp.path()), pp.launchedBy(), Principal.IAM);
  }
}
