package dev.catalogpolicy.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.engine.RuleSet;
import dev.catalogpolicy.generate.CatalogGenerator;
import dev.catalogpolicy.generate.GeneratorSpec;
import dev.catalogpolicy.generate.LaunchSample;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.Account;
import dev.catalogpolicy.model.Organization;
import dev.catalogpolicy.model.OrganizationalUnit;
import dev.catalogpolicy.model.PortfolioProduct;
import dev.catalogpolicy.scenario.CallParser;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A generated catalog of a named size, loaded (settled) as the server loads it, with the calls the
 * benchmarks make: dry-run launches and ListLaunchPaths spread over accounts and principals, and the
 * removal of the org-wide shared product that most local portfolios took (propagation, H6).
 */
public final class BenchCatalog {
  public static final String HUB = "100000000000";
  public static final String ORG_WIDE = "port-hub-000";

  public final Catalog loaded;
  public final List<Call> launches;
  public final List<Call> listPaths;
  public final String removedProduct;

  /** Generates the catalog of {@code size} (seed 1) and loads it as the server does. */
  public static BenchCatalog load(RuleSet rules, String size, int calls) {
    CatalogGenerator.Generated g = CatalogGenerator.generate(GeneratorSpec.named(size, 1), calls);
    return new BenchCatalog(Engine.settle(rules, g.catalog()).catalog(), g.samples());
  }

  /** The calls of {@code samples} on a catalog loaded elsewhere. */
  public BenchCatalog(Catalog loaded, List<LaunchSample> samples) {
    this.loaded = loaded;
    int[] i = {0};
    this.launches = samples.stream().map(s -> parse(s.provisionCall("bench-" + i[0]++))).toList();
    this.listPaths = samples.stream().map(LaunchSample::listLaunchPathsCall).map(BenchCatalog::parse).toList();
    this.removedProduct = loaded.list(PortfolioProduct.class).stream()
        .filter(pp -> ORG_WIDE.equals(pp.sourcePortfolio()))
        .collect(Collectors.groupingBy(PortfolioProduct::product, TreeMap::new, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
  }

  /** DisassociateProductFromPortfolio of {@link #removedProduct} from the org-wide portfolio, by the hub. */
  public Call removal(boolean dryRun) {
    return call("DisassociateProductFromPortfolio", HUB, "us-east-1",
        "{\"ProductId\": \"" + removedProduct + "\", \"PortfolioId\": \"" + ORG_WIDE + "\"}", dryRun);
  }

  /**
   * DeletePortfolioShare of the org-wide portfolio's organization share, by the hub, dry run: every
   * account's import of it goes, and with it what each account's local portfolio took from it.
   */
  public Call orgShareDeletion() {
    String org = organization().id();
    return call("DeletePortfolioShare", HUB, "us-east-1", "{\"PortfolioId\": \"" + ORG_WIDE
        + "\", \"OrganizationNode\": {\"Type\": \"ORGANIZATION\", \"Value\": \"" + org + "\"}}", true);
  }

  /** AuditCatalog by the hub: every finding the rules make of the catalog. */
  public Call audit() {
    return call("AuditCatalog", HUB, "us-east-1", "{}", false);
  }

  /**
   * AssociatePrincipalWithPortfolio, dry run, by the account of launch {@code i} (a spoke, which imports
   * the org-wide portfolio as every account of the organization does): a new IAM_PATTERN on that
   * portfolio, different for every {@code i}.
   */
  public Call association(int i) {
    Call launch = launches.get(Math.floorMod(i, launches.size()));
    return call("AssociatePrincipalWithPortfolio", launch.getAccount(), launch.getRegion(), "{\"PortfolioId\": \""
        + ORG_WIDE + "\", \"PrincipalARN\": \"arn:aws:iam:::role/bench-" + i + "*\", \"PrincipalType\": \"IAM_PATTERN\"}", true);
  }

  /** MoveAccount of member {@code i} (see {@link #member}) to another OU, by the management account, dry run (O3). */
  public Call moveAccount(int i) {
    Account mover = member(i);
    String dest = loaded.list(OrganizationalUnit.class).stream().map(OrganizationalUnit::id)
        .filter(ou -> !ou.equals(mover.parent()) && !ou.equals(rootOu())).skip(i % 7).findFirst().orElseThrow();
    return call("MoveAccount", organization().managementAccount(), "us-east-1", "{\"AccountId\": \"" + mover.id()
        + "\", \"DestinationParentId\": \"" + dest + "\"}", true);
  }

  /** RemoveAccountFromOrganization of member {@code i} (see {@link #member}), by the management account, dry run (O3). */
  public Call removeAccount(int i) {
    return call("RemoveAccountFromOrganization", organization().managementAccount(), "us-east-1",
        "{\"AccountId\": \"" + member(i).id() + "\"}", true);
  }

  /** Account {@code i} of the organization's members below an OU, the management account and delegated administrators left out. */
  private Account member(int i) {
    Organization org = organization();
    String root = rootOu();
    return loaded.list(Account.class).stream()
        .filter(a -> org.id().equals(a.organization()) && !a.id().equals(org.managementAccount())
            && !org.delegatedAdmins().contains(a.id()) && a.parent() != null && !a.parent().equals(root))
        .skip(i).findFirst().orElseThrow();
  }

  /** The organization's root: the OU without a parent. */
  private String rootOu() {
    return loaded.list(OrganizationalUnit.class).stream().filter(ou -> ou.parent() == null)
        .map(OrganizationalUnit::id).findFirst().orElseThrow();
  }

  /** DisableAWSOrganizationsAccess by the management account, dry run (O2): refused while delegated administrators exist. */
  public Call disableOrgAccess() {
    return call("DisableAWSOrganizationsAccess", organization().managementAccount(), "us-east-1", "{}", true);
  }

  /** DeregisterDelegatedAdministrator (applied, not a dry run) of every delegated administrator, by the management account. */
  public List<Call> deregisterDelegatedAdmins() {
    Organization org = organization();
    return org.delegatedAdmins().stream().map(a -> call("DeregisterDelegatedAdministrator", org.managementAccount(),
        "us-east-1", "{\"AccountId\": \"" + a + "\"}", false)).toList();
  }

  private Organization organization() {
    return loaded.list(Organization.class).get(0);
  }

  /**
   * RegisterDelegatedAdministrator by the account of launch {@code i} (a spoke, not the management
   * account), naming account {@code i}: refused by one rule (O2), a new question for every {@code i}.
   */
  public Call delegatedAdminBySpoke(int i) {
    Call launch = launches.get(Math.floorMod(i, launches.size()));
    return call("RegisterDelegatedAdministrator", launch.getAccount(), launch.getRegion(),
        "{\"AccountId\": \"" + String.format("9%011d", Math.floorMod(i, 100_000_000_000L)) + "\"}", true);
  }

  /** Fails when a call the benchmark measures is not allowed: a benchmark of a fast DENY would measure nothing useful. */
  public static void requireAllowed(String what, Decision d) {
    if (!d.allowed()) throw new IllegalStateException(what + " was denied: " + d.reasons());
  }

  /** Checks the first few calls of each kind with {@code decide}. */
  public void check(Function<Call, Decision> decide, int n) {
    for (int k = 0; k < Math.min(n, launches.size()); k++) {
      requireAllowed("launch " + launches.get(k), decide.apply(launches.get(k)));
      requireAllowed("ListLaunchPaths " + listPaths.get(k), decide.apply(listPaths.get(k)));
    }
    requireAllowed("removal", decide.apply(removal(true)));
    requireAllowed("association", decide.apply(association(0)));
    Decision refused = decide.apply(delegatedAdminBySpoke(0));
    if (refused.allowed() || !refused.reasons().get(0).code().equals("NOT_MANAGEMENT_ACCOUNT")) {
      throw new IllegalStateException("a spoke's RegisterDelegatedAdministrator should be refused: " + refused.reasons());
    }
  }

  /** A call of {@code name} by an account (no principal) with {@code input} (JSON). */
  private static Call call(String name, String account, String region, String input, boolean dryRun) {
    ObjectNode c = (ObjectNode) Json.parse("{\"call\": \"" + name + "\", \"caller\": {\"account\": \"" + account
        + "\", \"region\": \"" + region + "\"}, \"input\": " + input + "}");
    c.put("dryRun", dryRun);
    return parse(c);
  }

  private static Call parse(ObjectNode n) {
    return CallParser.parse(n, "$");
  }
}
