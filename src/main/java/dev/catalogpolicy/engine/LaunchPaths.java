package dev.catalogpolicy.engine;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.Impact.Terms;
import dev.catalogpolicy.facts.LaunchPath;
import dev.catalogpolicy.facts.PathConstraint;
import dev.catalogpolicy.facts.PathQuery;
import dev.catalogpolicy.facts.PathRole;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The launch paths that the rules of launch.drl (L1-L5, H1-H4, R6) derive for principals of one
 * catalog. One session holds the catalog (a fresh one, or the live engine's); for each principal a
 * call asking about the products in question ({@link PathQuery}, or a SearchProducts-shaped call for
 * every product the principal sees) is inserted, only the derivations fire (no stage: nothing is
 * decided or changed), the derived
 * {@link LaunchPath}, {@link PathRole} and {@link PathConstraint} facts are read back, and the call is
 * deleted again, so truth maintenance retracts everything it justified before the next principal.
 * Java reads what the rules derived; it decides nothing about who may launch.
 */
final class LaunchPaths implements AutoCloseable {
  /**
   * Who launches: {@code arn} is an IAM principal (role, user, role session) or group ARN of
   * {@code account} ({@code type} IAM), or an IAM_PATTERN standing for every principal of the
   * account whose name it matches ({@code type} IAM_PATTERN; see {@link #caller}).
   */
  record Principal(String account, String region, String arn, String type) {
    static final String IAM = "IAM";
    static final String IAM_PATTERN = "IAM_PATTERN";
    static final Comparator<Principal> ORDER = Comparator.comparing(Principal::account)
        .thenComparing(Principal::region).thenComparing(Principal::type).thenComparing(Principal::arn);

    /**
     * The caller the rules see. A group ARN is the caller's group (L1). A pattern becomes a principal
     * of the account named by the pattern itself ({@code arn:aws:iam:::role/Dev*} in account A is
     * {@code arn:aws:iam::A:role/Dev*}): every pattern matches its own text, so the rules grant it
     * what that association grants any principal whose name matches, in that account.
     */
    Caller caller() {
      String a = IAM_PATTERN.equals(type) ? inAccount(arn, account) : arn;
      return isGroup(a) ? new Caller(account, region, null, List.of(a)) : new Caller(account, region, a, List.of());
    }

    private static String inAccount(String pattern, String account) {
      String[] p = pattern.split(":", 6);
      return p.length < 6 ? pattern : p[0] + ":" + p[1] + ":" + p[2] + ":" + p[3] + ":" + account + ":" + p[5];
    }

    private static boolean isGroup(String arn) {
      String[] p = arn.split(":", 6);
      return p.length == 6 && p[2].equals("iam") && p[5].startsWith("group/");
    }
  }

  /** One launch path: a portfolio ({@code pathId}) through which a product can be launched. */
  record Path(String pathId, String product, String pathKind, Terms terms) {
    String key() {
      return LaunchPaths.key(pathId, product);
    }
  }

  private static final Comparator<PathRole> BY_CONSTRAINT =
      Comparator.comparing(PathRole::constraintId, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final KieSession session;
  private final Outcome out;
  private final boolean owned;
  /**
   * Path facts inserted while a principal's paths are derived: scanning the session for them is a
   * pass over the whole working memory per principal (about a sixth of ExplainImpact's time per
   * principal on org-20k); watching inserts costs what is derived.
   */
  private final List<Object> seen = new ArrayList<>();
  /** The caller facts the rules inserted for the principals (deleted again with the principal's call). */
  private final List<FactHandle> callers = new ArrayList<>();
  private final RuleRuntimeEventListener watch = new DefaultRuleRuntimeEventListener() {
    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      Object o = event.getObject();
      if (o instanceof LaunchPath || o instanceof PathRole || o instanceof PathConstraint) seen.add(o);
      else if (o instanceof Caller) callers.add(event.getFactHandle());
    }
  };
  /** Lets go of a caller whose paths the session keeps ({@link Subjects}); true if it did. */
  private final Predicate<Caller> release;

  LaunchPaths(RuleSet rules, Catalog catalog) {
    session = rules.kieBase().newKieSession();
    owned = true;
    release = c -> false;
    try {
      out = Engine.open(session, catalog, false);
      Engine.fire(session, out, null); // the catalog's own derivations (memberships, share reach) once
    } catch (RuntimeException e) {
      session.dispose();
      throw e;
    }
    session.addEventListener(watch);
  }

  /**
   * Over a session that holds a settled catalog already (the live engine's); it stays open. A caller
   * whose derivations the session keeps is let go ({@code release}) before its paths are derived.
   */
  LaunchPaths(KieSession session, Outcome out, Predicate<Caller> release) {
    this.session = session;
    this.out = out;
    this.owned = false;
    this.release = release;
    session.addEventListener(watch);
  }

  /** Every launch path of the principal, by {@link Path#key()}. */
  Map<String, Path> of(Principal p) {
    return of(p, null);
  }

  /**
   * The paths of each principal in turn ({@link #of(Principal, Set)}), stopping when this phase has
   * used its share of the evaluation limit ({@link Impact#outOfTime}): then only the first principals
   * have an answer.
   */
  Map<Principal, Map<String, Path>> ofAll(List<Principal> principals, Set<String> products) {
    Map<Principal, Map<String, Path>> out = new HashMap<>();
    long start = System.nanoTime();
    for (Principal p : principals) {
      if (Impact.outOfTime(start)) break;
      out.put(p, of(p, products));
    }
    return out;
  }

  /** The principal's launch paths of {@code products} (null: of every product it sees), by {@link Path#key()}. */
  Map<String, Path> of(Principal p, Set<String> products) {
    if (products != null && products.isEmpty()) return Map.of();
    Caller caller = p.caller();
    if (release.test(caller)) Engine.fire(session, out, null);
    List<FactHandle> handles = new ArrayList<>();
    seen.clear();
    callers.clear();
    if (products == null) {
      handles.add(session.insert(new Call("SearchProducts", caller, null, true)));
    } else {
      // a call that asks for nothing by itself (no ProductId): the questions are the PathQuery facts
      handles.add(session.insert(new Call("ListLaunchPaths", caller, null, true)));
      for (String product : products) handles.add(session.insert(new PathQuery(caller, product)));
    }
    Map<String, Path> paths = new TreeMap<>();
    try {
      Engine.fire(session, out, null);
      Map<String, PathRole> roles = new HashMap<>();
      for (PathRole r : derived(PathRole.class)) {
        // where a snapshot holds two launch constraints, the first by id shows (as ListLaunchPaths does)
        roles.merge(key(r.portfolio(), r.product()), r, (a, b) -> BY_CONSTRAINT.compare(a, b) <= 0 ? a : b);
      }
      Map<String, TreeSet<String>> launch = new HashMap<>();
      Map<String, TreeSet<String>> template = new HashMap<>();
      for (PathConstraint c : derived(PathConstraint.class)) {
        var into = "LAUNCH".equals(c.type()) ? launch : "TEMPLATE".equals(c.type()) ? template : null;
        if (into != null) into.computeIfAbsent(key(c.portfolio(), c.product()), k -> new TreeSet<>()).add(c.constraintId());
      }
      for (LaunchPath lp : derived(LaunchPath.class)) {
        String k = key(lp.portfolio(), lp.product());
        PathRole role = roles.get(k);
        Terms terms = new Terms(role == null ? null : role.arn(), role == null ? null : role.source(),
            role == null ? null : role.billingAccount(), List.copyOf(launch.getOrDefault(k, new TreeSet<>())),
            List.copyOf(template.getOrDefault(k, new TreeSet<>())));
        paths.put(k, new Path(lp.portfolio(), lp.product(), lp.kind(), terms));
      }
    } finally {
      for (FactHandle h : handles) session.delete(h);
      for (FactHandle h : callers) session.delete(h);
      Engine.fire(session, out, null);
    }
    if (!out.effects().isEmpty() || !out.reasons().isEmpty()) {
      throw new EngineException("rule \"" + out.lastRule() + "\" decided or changed the catalog while launch paths were"
          + " derived; derivation rules (no ruleflow-group) must only derive facts");
    }
    return paths;
  }

  static String key(String pathId, String product) {
    return pathId + "\u0000" + product;
  }

  /** The facts of {@code type} derived for this principal and still held (truth maintenance may have taken some back). */
  private <T> List<T> derived(Class<T> type) {
    List<T> l = new ArrayList<>();
    for (Object o : seen) if (type.isInstance(o) && session.getFactHandle(o) != null) l.add(type.cast(o));
    return l;
  }

  @Override
  public void close() {
    if (owned) session.dispose();
    else session.removeEventListener(watch);
  }
}
