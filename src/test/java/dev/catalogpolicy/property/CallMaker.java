package dev.catalogpolicy.property;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.catalogpolicy.property.Action.Kind;
import static dev.catalogpolicy.property.Cast.*;

/**
 * Turns an {@link Action} into a call document ({@code call}, {@code caller}, {@code input}, as a
 * fixture step or an HTTP request holds it) against the catalog of the moment: the resources it
 * names are the catalog's (or unknown ones, for invalid variants), and the caller is the owner,
 * a recipient, a management account, a delegated admin, the outsider or anyone, in the resource's
 * region or the other one.
 */
final class CallMaker {
  private static final Set<Kind> END_USER = Set.of(Kind.ProvisionProduct, Kind.UpdateProvisionedProduct,
      Kind.ListLaunchPaths, Kind.SearchProducts, Kind.DescribeProvisioningParameters);
  private static final List<Kind> EXPLAINABLE = List.of(Kind.DisassociateProductFromPortfolio, Kind.DeletePortfolioShare,
      Kind.RejectPortfolioShare, Kind.RemoveAccountFromOrganization, Kind.CreatePortfolioShare,
      Kind.AssociateProductWithPortfolio, Kind.MoveAccount, Kind.DeregisterDelegatedAdministrator);

  private final Catalog cat;
  private final Action x;
  private final Kind kind;
  private String owner;
  private String region;
  private String portfolio;
  private String account;

  private CallMaker(Catalog cat, Action x, Kind kind) {
    this.cat = cat;
    this.x = x;
    this.kind = kind;
  }

  static ObjectNode make(Catalog cat, Action x) {
    return new CallMaker(cat, x, x.kind()).build();
  }

  private ObjectNode build() {
    ObjectNode in = Json.MAPPER.createObjectNode();
    input(in);
    if (account == null) resolveCaller();
    ObjectNode call = Json.MAPPER.createObjectNode().put("call", kind.name());
    ObjectNode caller = call.putObject("caller").put("account", account)
        .put("region", x.wrongRegion() ? otherRegion(region) : region);
    int p = Math.floorMod(x.principal(), 8);
    if (END_USER.contains(kind) || p >= 4) {
      int identity = p % 4;
      caller.put("principal", switch (identity) {
        case 0 -> developer(account);
        case 1 -> alice(account);
        case 2 -> admin(account);
        default -> developerSession(account);
      });
      if (identity == 0 || identity == 3) caller.putArray("groups").add(devsGroup(account));
    }
    call.set("input", in);
    if (p == 7 && !END_USER.contains(kind)) call.put("dryRun", true);
    return call;
  }

  // ---- who calls ------------------------------------------------------------------------------------

  private void subject(String owner, String region, String portfolio) {
    this.owner = owner;
    this.region = region;
    this.portfolio = portfolio;
  }

  /** The caller's account for the subject set so far (and its region, when the call names none). */
  private String resolveCaller() {
    if (region == null) region = REGIONS.get(Math.floorMod(x.c(), 2));
    account = switch (x.who()) {
      case OWNER -> owner != null ? owner : any();
      case RECIPIENT -> recipient();
      case MANAGEMENT -> Math.floorMod(x.c(), 2) == 0 ? MGMT_A : MGMT_B;
      case DELEGATED_ADMIN -> {
        List<String> admins = cat.list(Organization.class).stream().flatMap(o -> o.delegatedAdmins().stream()).toList();
        yield admins.isEmpty() ? HUB : pick(admins, x.c());
      }
      case OUTSIDER -> OUTSIDER;
      case ANY -> any();
    };
    return account;
  }

  private String any() {
    return pick(ACCOUNTS, x.c() + x.b());
  }

  private String recipient() {
    List<String> r = new ArrayList<>();
    if (portfolio != null) {
      cat.list(Import.class).stream().filter(i -> i.portfolio().equals(portfolio)).forEach(i -> r.add(i.account()));
      cat.list(Share.class).stream().filter(s -> s.portfolio().equals(portfolio) && s.isAccountTarget() && !r.contains(s.value()))
          .forEach(s -> r.add(s.value()));
    }
    return r.isEmpty() ? any() : pick(r, x.c());
  }

  // ---- what the call names ------------------------------------------------------------------------

  private static <T> T pick(List<T> list, int i) {
    return list.isEmpty() ? null : list.get(Math.floorMod(i, list.size()));
  }

  private Portfolio portfolio(int i) {
    return pick(cat.list(Portfolio.class), i);
  }

  private void subjectPortfolio(Portfolio p) {
    if (p == null) subject(null, null, null);
    else subject(p.owner(), p.region(), p.id());
  }

  private String portfolioId(Portfolio p) {
    return x.invalid() || p == null ? "port-nope" : p.id();
  }

  private Product product(int i) {
    return pick(cat.list(Product.class), i);
  }

  private String productId(Product p) {
    return x.variant() == 7 || p == null ? "prod-nope" : p.id();
  }

  private List<ProvisioningArtifact> versions(String product) {
    return cat.list(ProvisioningArtifact.class).stream().filter(v -> v.product().equals(product)).toList();
  }

  /** A region where a product can be launched from: that of a portfolio holding it. */
  private void subjectProduct(Product prod) {
    if (prod == null) {
      subject(null, null, null);
      return;
    }
    List<PortfolioProduct> holding = cat.list(PortfolioProduct.class).stream().filter(pp -> pp.product().equals(prod.id())).toList();
    PortfolioProduct pp = pick(holding, x.b());
    Portfolio p = pp == null ? null : cat.list(Portfolio.class).stream().filter(q -> q.id().equals(pp.portfolio())).findFirst().orElse(null);
    if (p == null) subject(prod.owner(), null, null);
    else subject(pp.account(), p.region(), p.id());
  }

  /** Where a user could launch from: an account, its region, a portfolio it owns or imports, a product there. */
  private record LaunchContext(String account, String region, String portfolio, String product, boolean granted) {}

  private List<LaunchContext> launchContexts() {
    List<LaunchContext> out = new ArrayList<>();
    for (PortfolioProduct pp : cat.list(PortfolioProduct.class)) {
      Portfolio p = cat.list(Portfolio.class).stream().filter(q -> q.id().equals(pp.portfolio())).findFirst().orElse(null);
      if (p == null) continue;
      out.add(new LaunchContext(pp.account(), p.region(), p.id(), pp.product(), granted(pp.account(), p.id())));
      if (pp.isLocal()) continue;
      cat.list(Import.class).stream().filter(i -> i.portfolio().equals(p.id())).forEach(i ->
          out.add(new LaunchContext(i.account(), p.region(), p.id(), pp.product(), granted(i.account(), p.id()))));
    }
    return out;
  }

  private boolean granted(String account, String portfolio) {
    Set<String> developer = Set.of(developer(account), devsGroup(account), DEV_PATTERN);
    return cat.list(PrincipalAssociation.class).stream().anyMatch(pa -> pa.portfolio().equals(portfolio) && pa.account().equals(account)
        && developer.contains(pa.arn()));
  }

  /**
   * The product an end-user call names, and the caller's subject: for well-formed variants a place the
   * product could be launched from (granted ones first), else any product.
   */
  private Product launchSubject(int v) {
    List<LaunchContext> all = v < 6 ? launchContexts() : List.of();
    List<LaunchContext> granted = all.stream().filter(LaunchContext::granted).toList();
    LaunchContext ctx = pick(granted.isEmpty() || v == 5 ? all : granted, x.a());
    if (ctx == null) {
      Product prod = product(x.a());
      subjectProduct(prod);
      return prod;
    }
    subject(ctx.account(), ctx.region(), ctx.portfolio());
    if (x.who() == Action.Who.RECIPIENT) account = ctx.account();  // the recipient of a share launches through it
    return cat.list(Product.class).stream().filter(q -> q.id().equals(ctx.product())).findFirst().orElse(null);
  }

  private ArrayNode parameters(ObjectNode in) {
    ArrayNode params = in.putArray("ProvisioningParameters");
    if (x.variant() != 5) params.addObject().put("Key", "InstanceType").put("Value", x.b() % 2 == 0 ? "t3.micro" : "m5.large");
    return params;
  }

  private void input(ObjectNode in) {
    int v = x.variant();
    switch (kind) {
      case CreatePortfolio -> {
        Portfolio existing = portfolio(x.a());
        in.put("Id", x.invalid() && existing != null ? existing.id() : "port-new-" + Math.floorMod(x.a(), 4))
            .put("DisplayName", "New portfolio " + x.a());
      }
      case DeletePortfolio -> {
        Portfolio p = portfolio(x.a());
        subjectPortfolio(p);
        in.put("Id", portfolioId(p));
      }
      case CreateProduct -> {
        Product existing = product(x.a());
        String id = x.variant() == 6 && existing != null ? existing.id() : "prod-new-" + Math.floorMod(x.a(), 4);
        in.put("Id", id).put("Name", "New product");
        ArrayNode vs = in.putArray("ProvisioningArtifacts");
        ProvisioningArtifact taken = pick(cat.list(ProvisioningArtifact.class), x.b());
        vs.addObject().put("Id", v == 7 && taken != null ? taken.id() : "pa-" + id + "-1").put("Name", "v1").put("Active", true);
        if (x.b() % 2 == 1) vs.addObject().put("Id", "pa-" + id + "-2").put("Name", "v2").put("Active", false);
      }
      case CreateProvisioningArtifact -> {
        Product prod = product(x.a());
        subject(prod == null ? null : prod.owner(), null, null);
        ProvisioningArtifact taken = pick(cat.list(ProvisioningArtifact.class), x.b());
        in.put("ProductId", productId(prod)).put("Id", x.invalid() && taken != null ? taken.id() : "pa-x-" + Math.floorMod(x.b(), 5))
            .put("Name", "vx").put("Active", Math.floorMod(x.c(), 3) != 0);
      }
      case UpdateProvisioningArtifact -> {
        Product prod = product(x.a());
        subject(prod == null ? null : prod.owner(), null, null);
        ProvisioningArtifact ver = prod == null ? null : pick(versions(prod.id()), x.b());
        in.put("ProductId", productId(prod)).put("ProvisioningArtifactId", x.invalid() || ver == null ? "pa-nope" : ver.id())
            .put("Active", Math.floorMod(x.c(), 2) == 0);
      }
      case AssociateProductWithPortfolio -> associateProduct(in, v);
      case DisassociateProductFromPortfolio -> {
        PortfolioProduct pp = pick(cat.list(PortfolioProduct.class), x.a());
        if (pp == null || x.invalid()) {
          Portfolio p = portfolio(x.a());
          subjectPortfolio(p);
          in.put("PortfolioId", portfolioId(p)).put("ProductId", productId(product(x.b())));
        } else {
          subjectPortfolio(cat.list(Portfolio.class).stream().filter(p -> p.id().equals(pp.portfolio())).findFirst().orElse(null));
          in.put("PortfolioId", pp.portfolio()).put("ProductId", pp.product());
        }
      }
      case CreateConstraint -> createConstraint(in, v);
      case DeleteConstraint -> {
        Constraint con = pick(cat.list(Constraint.class), x.a());
        if (con != null) subjectPortfolio(cat.list(Portfolio.class).stream().filter(p -> p.id().equals(con.portfolio())).findFirst().orElse(null));
        in.put("Id", con == null || x.invalid() ? "cons-nope" : con.id());
      }
      case CreatePortfolioShare, UpdatePortfolioShare, DeletePortfolioShare -> share(in, v);
      case AcceptPortfolioShare, RejectPortfolioShare -> {
        // mostly a share its target has not accepted yet (Accept) or has (Reject)
        List<Share> open = cat.list(Share.class).stream().filter(sh -> sh.isAccountTarget() && (kind == Kind.AcceptPortfolioShare)
            != cat.list(Import.class).stream().anyMatch(i -> i.portfolio().equals(sh.portfolio()) && i.account().equals(sh.value()))).toList();
        Share s = pick(v < 3 && !open.isEmpty() ? open : cat.list(Share.class), x.a());
        Portfolio p = s != null && v < 4 ? cat.list(Portfolio.class).stream().filter(q -> q.id().equals(s.portfolio())).findFirst()
            .orElse(null) : portfolio(x.a());
        subjectPortfolio(p);
        if (x.who() == Action.Who.OWNER && s != null && s.isAccountTarget() && v < 4) owner = s.value();
        in.put("PortfolioId", portfolioId(p));
        switch (Math.floorMod(x.c(), 4)) {
          case 1 -> in.put("PortfolioShareType", "IMPORTED");
          case 2 -> in.put("PortfolioShareType", "AWS_ORGANIZATIONS");
          case 3 -> in.put("PortfolioShareType", "AWS_SERVICECATALOG");
          default -> { }
        }
        if (v == 7 && x.c() % 5 == 0) in.put("PortfolioShareType", "SHARED");  // not an AWS value: a 400
      }
      case AssociatePrincipalWithPortfolio -> {
        Portfolio p = portfolio(x.a());
        subjectPortfolio(p);
        if (x.who() == Action.Who.OWNER && v % 2 == 1) owner = recipientOr(p);
        String caller = resolveCaller();
        String arn = switch (v) {
          case 6 -> associable(pick(ACCOUNTS, x.b()), x.c() % 4);
          case 7 -> "arn:aws:iam:::*/Developer";
          default -> associable(caller, x.c());
        };
        in.put("PortfolioId", p == null ? "port-nope" : p.id()).put("PrincipalARN", arn)
            .put("PrincipalType", isPattern(arn) ? "IAM_PATTERN" : "IAM");
      }
      case DisassociatePrincipalFromPortfolio -> {
        PrincipalAssociation pa = pick(cat.list(PrincipalAssociation.class), x.a());
        if (pa == null || x.invalid()) {
          Portfolio p = portfolio(x.a());
          subjectPortfolio(p);
          String caller = resolveCaller();
          in.put("PortfolioId", portfolioId(p)).put("PrincipalARN", associable(caller, x.c()));
        } else {
          Portfolio p = cat.list(Portfolio.class).stream().filter(q -> q.id().equals(pa.portfolio())).findFirst().orElse(null);
          subjectPortfolio(p);
          owner = pa.account();
          in.put("PortfolioId", pa.portfolio()).put("PrincipalARN", pa.arn());
        }
      }
      case SearchProducts, AuditCatalog -> { }
      case EnableAWSOrganizationsAccess, DisableAWSOrganizationsAccess -> subject(managementOf(pick(ACCOUNTS, x.a())), null, null);
      case RegisterDelegatedAdministrator -> {
        String a = x.invalid() ? "999999999999" : pick(ACCOUNTS, x.a());
        subject(managementOf(a), null, null);
        in.put("AccountId", a);
      }
      case DeregisterDelegatedAdministrator -> {
        List<String> admins = cat.list(Organization.class).stream().flatMap(o -> o.delegatedAdmins().stream()).toList();
        String a = v < 4 && !admins.isEmpty() ? pick(admins, x.a()) : pick(ACCOUNTS, x.a());
        subject(managementOf(a), null, null);
        in.put("AccountId", a);
      }
      case MoveAccount -> {
        String a = pick(ACCOUNTS, x.a());
        subject(managementOf(a), null, null);
        in.put("AccountId", a).put("DestinationParentId", x.variant() == 7 ? "ou-nope" : pick(Cast.ous(), x.b()).id());
      }
      case RemoveAccountFromOrganization -> {
        String a = x.variant() == 7 ? "999999999999" : pick(ACCOUNTS, x.a());
        subject(managementOf(a), null, null);
        in.put("AccountId", a);
      }
      case ProvisionProduct, DescribeProvisioningParameters -> {
        Product prod = launchSubject(v);
        ProvisioningArtifact ver = prod == null ? null : pick(versions(prod.id()), x.b());
        in.put("ProductId", productId(prod)).put("ProvisioningArtifactId", v == 6 || ver == null ? "pa-nope" : ver.id());
        if (v == 3 || v == 4) in.put("PathId", portfolio(x.c()) == null ? "port-nope" : portfolio(x.c()).id());
        else if (v == 6 || v == 7) in.put("PathId", "port-nope");
        else if (portfolio != null && v == 2) in.put("PathId", portfolio);
        if (kind == Kind.ProvisionProduct) {
          in.put("ProvisionedProductName", "pp-name-" + Math.floorMod(x.c(), 3));
          parameters(in);
        }
      }
      case UpdateProvisionedProduct, TerminateProvisionedProduct -> {
        ProvisionedProduct pp = pick(cat.list(ProvisionedProduct.class), x.a());
        if (pp != null) {
          Portfolio p = cat.list(Portfolio.class).stream().filter(q -> q.id().equals(pp.path())).findFirst().orElse(null);
          subject(pp.account(), p == null ? null : p.region(), pp.path());
        }
        String id = pp == null || x.invalid() ? "pp-nope" : pp.id();
        if (pp != null && x.b() % 2 == 1 && !x.invalid()) in.put("ProvisionedProductName", pp.name());
        else in.put("ProvisionedProductId", id);
        if (kind == Kind.UpdateProvisionedProduct) {
          if (pp != null && v % 2 == 1) {
            ProvisioningArtifact ver = pick(versions(pp.product()), x.c());
            if (ver != null) in.put("ProvisioningArtifactId", ver.id());
          }
          if (v == 4) in.put("PathId", portfolio(x.c()) == null ? "port-nope" : portfolio(x.c()).id());
          parameters(in);
        }
      }
      case ListLaunchPaths -> in.put("ProductId", productId(launchSubject(v)));
      case ExplainImpact -> {
        Kind inner = pick(EXPLAINABLE, x.c());
        CallMaker m = new CallMaker(cat, x, inner);
        ObjectNode innerCall = m.build();
        owner = m.owner;
        region = m.region;
        portfolio = m.portfolio;
        account = m.account;
        in.put("call", inner.name());
        in.set("input", innerCall.get("input"));
      }
    }
  }

  /** The management account of the organization an account is in now (or of A, for an account in none). */
  private String managementOf(String account) {
    String org = cat.list(Account.class).stream().filter(a -> a.id().equals(account)).map(Account::organization)
        .filter(java.util.Objects::nonNull).findFirst().orElse(ORG_A);
    return cat.list(Organization.class).stream().filter(o -> o.id().equals(org)).map(Organization::managementAccount)
        .findFirst().orElse(MGMT_A);
  }

  private String recipientOr(Portfolio p) {
    if (p == null) return null;
    return cat.list(Import.class).stream().filter(i -> i.portfolio().equals(p.id())).map(Import::account)
        .findFirst().orElse(p.owner());
  }

  private void associateProduct(ObjectNode in, int v) {
    if (v == 5) {
      // the source is another of the caller's own (local) portfolios holding another account's product: not an import (A1)
      record Chain(Portfolio target, PortfolioProduct source) {}
      List<Chain> chains = new ArrayList<>();
      for (PortfolioProduct lp : cat.list(PortfolioProduct.class)) {
        if (!lp.isLocal()) continue;
        String region = cat.list(Portfolio.class).stream().filter(q -> q.id().equals(lp.portfolio())).map(Portfolio::region)
            .findFirst().orElse(null);
        cat.list(Portfolio.class).stream().filter(q -> q.owner().equals(lp.account()) && !q.id().equals(lp.portfolio())
            && q.region().equals(region)).forEach(q -> chains.add(new Chain(q, lp)));
      }
      Chain chain = pick(chains, x.a());
      if (chain != null) {
        subjectPortfolio(chain.target());
        in.put("PortfolioId", chain.target().id()).put("SourcePortfolioId", chain.source().portfolio())
            .put("ProductId", chain.source().product());
        return;
      }
    }
    Portfolio p = portfolio(x.a());
    subjectPortfolio(p);
    in.put("PortfolioId", portfolioId(p));
    if (p == null) {
      in.put("ProductId", productId(product(x.b())));
      return;
    }
    if (v == 3 || v == 4) {
      // an imported product into a portfolio of the importer: name the imported portfolio as source
      List<Import> imports = cat.list(Import.class).stream().filter(i -> i.account().equals(p.owner())).toList();
      Import imp = pick(imports, x.b());
      if (imp != null) {
        List<PortfolioProduct> held = cat.list(PortfolioProduct.class).stream()
            .filter(pp -> pp.portfolio().equals(imp.portfolio()) && !pp.isLocal()).toList();
        // name the importer's own local portfolio of the import's region, where one exists
        List<Portfolio> locals = cat.list(Portfolio.class).stream().filter(q -> q.owner().equals(p.owner())
            && q.region().equals(imp.region()) && cat.list(Share.class).stream().noneMatch(sh -> sh.portfolio().equals(q.id()))).toList();
        if (v == 3 && !locals.isEmpty()) {
          Portfolio local = pick(locals, x.a());
          subjectPortfolio(local);
          in.put("PortfolioId", local.id());
        }
        PortfolioProduct pp = pick(held, x.c());
        in.put("SourcePortfolioId", imp.portfolio()).put("ProductId", pp == null ? pick(cat.list(Product.class), x.c()).id() : pp.product());
        return;
      }
    }
    List<Product> own = cat.list(Product.class).stream().filter(q -> q.owner().equals(p.owner())
        && (v > 1 || cat.list(PortfolioProduct.class).stream().noneMatch(pp -> pp.portfolio().equals(p.id()) && pp.product().equals(q.id()))))
        .toList();
    Product prod = v <= 2 && !own.isEmpty() ? pick(own, x.b()) : product(x.b());
    in.put("ProductId", productId(prod));
    if (v == 6) in.put("SourcePortfolioId", pick(cat.list(Portfolio.class), x.c()).id());
  }

  private void createConstraint(ObjectNode in, int v) {
    PortfolioProduct pp = pick(cat.list(PortfolioProduct.class), x.a());
    Portfolio p = pp == null ? portfolio(x.a())
        : cat.list(Portfolio.class).stream().filter(q -> q.id().equals(pp.portfolio())).findFirst().orElse(null);
    subjectPortfolio(p);
    if (pp != null && x.who() == Action.Who.OWNER) owner = pp.account();
    Constraint taken = pick(cat.list(Constraint.class), x.b());
    in.put("Id", v == 6 && taken != null ? taken.id() : "cons-new-" + Math.floorMod(x.b(), 4))
        .put("PortfolioId", p == null ? "port-nope" : p.id())
        .put("ProductId", pp == null ? productId(product(x.b())) : pp.product());
    int type = Math.floorMod(x.c(), 5);
    in.put("Type", switch (type) { case 0, 1 -> "LAUNCH"; case 2 -> "TEMPLATE"; case 3 -> "NOTIFICATION"; default -> "STACKSET"; });
    ObjectNode params = type == 4 ? stackSet() : World.constraintParameters(type, p == null ? HUB : p.owner());
    if (v == 7) {
      if (type <= 1) params.put("LocalRoleName", "SCLaunch").put("RoleArn", "arn:aws:iam::" + HUB + ":role/SCLaunch");
      else if (type == 2) params.putObject("Rules").putObject("Broken").put("Assertions", "not a list");
    }
    if (v == 5) in.put("Parameters", Json.compact(params));  // AWS sends Parameters as a JSON string
    else in.set("Parameters", params);
  }

  private static ObjectNode stackSet() {
    ObjectNode p = Json.MAPPER.createObjectNode();
    p.putArray("AccountList").add(HUB);
    p.putArray("RegionList").add(REGIONS.get(0));
    p.put("AdminRole", "arn:aws:iam::" + HUB + ":role/StackSetAdmin").put("ExecutionRole", "StackSetExecution");
    return p;
  }

  private void share(ObjectNode in, int v) {
    Share existing = pick(cat.list(Share.class), x.a());
    if (kind != Kind.CreatePortfolioShare && existing != null && v < 4) {
      Portfolio p = cat.list(Portfolio.class).stream().filter(q -> q.id().equals(existing.portfolio())).findFirst().orElse(null);
      subjectPortfolio(p);
      in.put("PortfolioId", existing.portfolio());
      if (existing.type().equals(Share.ACCOUNT)) in.put("AccountId", existing.value());
      else in.putObject("OrganizationNode").put("Type", existing.type().equals(Share.ORGANIZATION_MEMBER_ACCOUNT) ? "ACCOUNT"
          : existing.type()).put("Value", existing.value());
      if (kind == Kind.UpdatePortfolioShare) in.put("SharePrincipals", !existing.sharePrincipals());
      return;
    }
    // variant 4: a portfolio holding another account's product (a local portfolio), which S3 forbids sharing
    List<Portfolio> holdingForeign = cat.list(Portfolio.class).stream().filter(q -> cat.list(PortfolioProduct.class).stream()
        .anyMatch(pp -> pp.portfolio().equals(q.id()) && cat.list(Product.class).stream()
            .anyMatch(pr -> pr.id().equals(pp.product()) && !pr.owner().equals(q.owner())))).toList();
    Portfolio p = v == 4 && !holdingForeign.isEmpty() ? pick(holdingForeign, x.a()) : portfolio(x.a());
    subjectPortfolio(p);
    in.put("PortfolioId", p == null ? "port-nope" : p.id());
    String org = p == null ? ORG_A : World.orgOf(p.owner()) == null ? ORG_B : World.orgOf(p.owner());
    switch (Math.floorMod(x.b(), 6)) {
      case 0, 1 -> in.put("AccountId", pick(ACCOUNTS, x.c()));
      case 2 -> in.putObject("OrganizationNode").put("Type", "ORGANIZATION").put("Value", x.c() % 3 == 2 ? ORG_B : org);
      case 3 -> in.putObject("OrganizationNode").put("Type", "ORGANIZATIONAL_UNIT").put("Value", pick(Cast.ous(), x.c()).id());
      case 4 -> in.putObject("OrganizationNode").put("Type", "ACCOUNT").put("Value", pick(ACCOUNTS, x.c()));
      default -> {
        switch (Math.floorMod(x.c(), 3)) {
          case 0 -> {
            in.put("AccountId", pick(ACCOUNTS, x.c()));
            in.putObject("OrganizationNode").put("Type", "ORGANIZATION").put("Value", org);
          }
          case 1 -> { }
          default -> in.put("AccountId", "12345");
        }
      }
    }
    if (v % 2 == 1) in.put("SharePrincipals", true);
  }
}
