package dev.catalogpolicy.engine;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.LaunchPaths.Principal;
import dev.catalogpolicy.functions.Arns;
import dev.catalogpolicy.model.*;

import java.util.*;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which principals an ExplainImpact looks at, so that its cost follows the change and not the
 * catalog. A launch path of a principal of account A through portfolio Q (launch.drl) rests only on
 * facts about Q (the portfolio, its products, constraints, shares, imports and principal
 * associations), about the imported portfolio a local Q takes its product from, and about A (its
 * place in the organization, its imports, its associations). So a path can be gained, lost or
 * changed only in an account that is tied to a fact the call adds, removes or replaces:
 * <ul>
 *   <li>the portfolios named by changed facts and by the decision's effects, and for a changed
 *   account (moved, removed from its organization) every portfolio it owns or imports;</li>
 *   <li>with each such portfolio, the local portfolios that take products from it;</li>
 *   <li>the accounts named by changed facts and effects, and each scoped portfolio's owner,
 *   importers and local takers.</li>
 * </ul>
 * In those accounts and the scoped portfolios' regions, the principals that matter are the ARNs of
 * the account's IAM associations (not those naming another account's principal, which never calls
 * here), the principals that launched its provisioned products, the roles of the account where the
 * catalog lists {@code roles}, and IAM_PATTERN associations (the account's
 * own, and the owner's on portfolios it imports, for principal name sharing). A pattern is checked as
 * itself (see {@link Principal#caller()}) unless the catalog lists roles and the pattern names roles:
 * then the listed roles are the concrete principals it can match.
 *
 * <p><b>Products.</b> A principal's paths are derived only for the products a path could change for
 * ({@link #products}): where every changed fact and every effect names a product (a product joining
 * or leaving a portfolio, a constraint, the product itself), those products; otherwise (a share, an
 * import, an association, a portfolio or account changed) every product of the scoped portfolios.
 * A path of another product rests on no changed fact.
 */
final class ImpactScope {
  final SortedSet<String> portfolios = new TreeSet<>();
  final SortedSet<String> accounts = new TreeSet<>();
  final SortedSet<String> regions = new TreeSet<>();
  final List<Principal> principals;
  /** The products whose paths are derived for each principal (see the class comment). */
  final Set<String> products;

  private final SortedSet<String> namedProducts = new TreeSet<>();
  private boolean portfolioWide;

  private final Map<String, Portfolio> portfolioById = new HashMap<>();

  private ImpactScope(Catalog before, Engine.Result dry) {
    Catalog after = dry.wouldBe();
    for (Catalog c : List.of(after, before)) c.list(Portfolio.class).forEach(p -> portfolioById.putIfAbsent(p.id(), p));
    List<Import> imports = both(before, after, Import.class);
    List<PortfolioProduct> portfolioProducts = both(before, after, PortfolioProduct.class);

    for (Object f : changed(before, after, dry.removed(), dry.added())) touch(f, imports, portfolioProducts);
    for (Effect e : dry.decision().effects()) {
      if (e.account() != null) accounts.add(e.account());
      if (e.portfolio() != null) portfolios.add(e.portfolio());
      if (e.product() != null) namedProducts.add(e.product());
      else if (e.portfolio() != null || e.account() != null) portfolioWide = true;
    }
    for (PortfolioProduct pp : portfolioProducts) {
      if (pp.sourcePortfolio() != null && portfolios.contains(pp.sourcePortfolio())) portfolios.add(pp.portfolio());
    }
    for (String p : portfolios) {
      Portfolio port = portfolioById.get(p);
      if (port == null) continue;
      accounts.add(port.owner());
      regions.add(port.region());
    }
    for (Import i : imports) if (portfolios.contains(i.portfolio())) accounts.add(i.account());
    for (PortfolioProduct pp : portfolioProducts) if (portfolios.contains(pp.portfolio())) accounts.add(pp.account());
    principals = principals(before, after, imports);
    if (portfolioWide) {
      Set<String> all = new TreeSet<>();
      for (PortfolioProduct pp : portfolioProducts) if (portfolios.contains(pp.portfolio())) all.add(pp.product());
      products = Collections.unmodifiableSet(all);
    } else {
      products = Collections.unmodifiableSet(namedProducts);
    }
  }

  /** The scope of a call allowed on {@code before} whose dry run is {@code dry}. */
  static ImpactScope of(Catalog before, Engine.Result dry) {
    return new ImpactScope(before, dry);
  }

  String region(String portfolio) {
    Portfolio p = portfolioById.get(portfolio);
    return p == null ? null : p.region();
  }

  /**
   * The facts the call adds, removes or replaces: those one catalog holds and the other does not. Only
   * a fact the call removed or added can be one, and only a setting can change otherwise, so those are
   * all that is looked up (hashing both catalogs whole was half of an org-wide removal's ExplainImpact
   * on org-20k).
   */
  static Set<Object> changed(Catalog before, Catalog after, List<Object> removed, List<Object> added) {
    Set<Object> out = new HashSet<>();
    for (List<Object> facts : List.of(removed, added, before.settings(), after.settings())) {
      for (Object f : facts) if (before.contains(f) != after.contains(f)) out.add(f);
    }
    return out;
  }

  private void touch(Object f, List<Import> imports, List<PortfolioProduct> portfolioProducts) {
    // product-level facts name the products whose paths they can change; any other change that
    // reaches a portfolio can change the paths of each of its products
    if (f instanceof PortfolioProduct pp) namedProducts.add(pp.product());
    else if (f instanceof Constraint c) namedProducts.add(c.product());
    else if (f instanceof Product pr) namedProducts.add(pr.id());
    else if (f instanceof ProvisionedProduct pp) namedProducts.add(pp.product());
    else if (!(f instanceof RemovedProduct || f instanceof ProvisioningArtifact || f instanceof Resource
        || f instanceof Organization || f instanceof OrganizationalUnit || f instanceof Role)) {
      portfolioWide = true;
    }
    if (f instanceof Portfolio p) portfolios.add(p.id());
    else if (f instanceof PortfolioProduct pp) { portfolios.add(pp.portfolio()); accounts.add(pp.account()); }
    else if (f instanceof Constraint c) portfolios.add(c.portfolio());
    else if (f instanceof Share s) portfolios.add(s.portfolio());
    else if (f instanceof Import i) { portfolios.add(i.portfolio()); accounts.add(i.account()); }
    else if (f instanceof ImportRejection r) { portfolios.add(r.portfolio()); accounts.add(r.account()); }
    else if (f instanceof PrincipalAssociation pa) { portfolios.add(pa.portfolio()); accounts.add(pa.account()); }
    else if (f instanceof ProvisionedProduct pp) { accounts.add(pp.account()); if (pp.path() != null) portfolios.add(pp.path()); }
    else if (f instanceof Product pr) {
      portfolioProducts.stream().filter(pp -> pp.product().equals(pr.id())).forEach(pp -> portfolios.add(pp.portfolio()));
    } else if (f instanceof Account a) {
      accounts.add(a.id());
      portfolioById.values().stream().filter(p -> p.owner().equals(a.id())).forEach(p -> portfolios.add(p.id()));
      imports.stream().filter(i -> i.account().equals(a.id())).forEach(i -> portfolios.add(i.portfolio()));
    }
    // organizations, OUs, versions, resources, removal history: no launch path rests on them alone
    // (an import that access changes brings or takes is itself a changed Import)
  }

  private List<Principal> principals(Catalog before, Catalog after, List<Import> imports) {
    boolean rolesListed = before.rolesListed() || after.rolesListed();
    Set<Principal> out = new TreeSet<>(Principal.ORDER);
    List<PrincipalAssociation> associations = both(before, after, PrincipalAssociation.class);
    for (PrincipalAssociation pa : associations) {
      if (!accounts.contains(pa.account())) continue;
      add(out, pa.account(), region(pa.portfolio()), pa.arn(), pa.isPattern(), rolesListed);
    }
    // principal name sharing: the owner's patterns on a portfolio match principals in each importer
    // (indexed by portfolio with only the owner's patterns: an org-wide portfolio carries an association
    // of every importer too, and passing over those for every import grew with the square of accounts)
    Map<String, List<PrincipalAssociation>> ownerPatterns = by(associations.stream().filter(pa -> {
      Portfolio p = portfolioById.get(pa.portfolio());
      return pa.isPattern() && p != null && pa.account().equals(p.owner());
    }).toList(), PrincipalAssociation::portfolio);
    for (Import i : imports) {
      List<PrincipalAssociation> patterns = ownerPatterns.get(i.portfolio());
      if (patterns == null || !accounts.contains(i.account())) continue;
      Portfolio p = portfolioById.get(i.portfolio());
      for (PrincipalAssociation pa : patterns) add(out, i.account(), p.region(), pa.arn(), true, rolesListed);
    }
    for (ProvisionedProduct pp : both(before, after, ProvisionedProduct.class)) {
      if (accounts.contains(pp.account()) && pp.launchedBy() != null) {
        add(out, pp.account(), region(pp.path()), pp.launchedBy(), false, rolesListed);
      }
    }
    for (Role r : both(before, after, Role.class)) {
      String account = Arns.accountOf(r.arn());
      if (account != null && accounts.contains(account)) for (String region : regions) add(out, account, region, r.arn(), false, rolesListed);
    }
    return List.copyOf(out);
  }

  private void add(Set<Principal> out, String account, String region, String arn, boolean pattern, boolean rolesListed) {
    if (region == null || !regions.contains(region) || arn == null) return;
    // a principal of another account never calls in this one (A6; AuditCatalog reports such associations)
    String own = Arns.accountOf(arn);
    if (!pattern && own != null && !own.equals(account)) return;
    if (pattern && rolesListed && arn.contains(":role/")) return; // the listed roles are the principals it can match
    out.add(new Principal(account, region, arn, pattern ? Principal.IAM_PATTERN : Principal.IAM));
  }

  /** The facts of a type in either catalog, each once. */
  static <T> List<T> both(Catalog before, Catalog after, Class<T> type) {
    return Stream.concat(before.list(type).stream(), after.list(type).stream()).distinct().toList();
  }

  /** An index of {@code items} by a key, for lookups over both catalogs. */
  static <T> Map<String, List<T>> by(List<T> items, Function<T, String> key) {
    Map<String, List<T>> m = new HashMap<>();
    for (T t : items) m.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
    return m;
  }
}
