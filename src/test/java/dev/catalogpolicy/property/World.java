package dev.catalogpolicy.property;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.catalogpolicy.property.Cast.*;

/**
 * A generated catalog, described by small numbers so that jqwik can shrink it: who owns which
 * portfolios and products in which region, and a list of {@link Link}s (associations, shares,
 * accepted shares, local portfolios, principals, constraints). {@link #snapshot()} builds a
 * consistent snapshot (api.md §3) from it, skipping links that would not make a valid catalog
 * (e.g. a share of a portfolio that holds another account's product): the worlds are states a
 * real catalog can reach, and the calls then try everything on them. With
 * {@code developersEverywhere}, every owner and importer grants its Developer role on each
 * portfolio it owns or imports, so that most of the catalog can be launched from; with
 * {@code tightQuotas}, the quotas (S6) are a few units.
 */
record World(Orgs orgs, List<Port> portfolios, List<Prod> products, List<Link> links, boolean rolesListed,
             boolean inheritIntoLocal, boolean developersEverywhere, boolean tightQuotas) {

  World withOrgs(Orgs o) { return new World(o, portfolios, products, links, rolesListed, inheritIntoLocal, developersEverywhere, tightQuotas); }
  World withPortfolios(List<Port> l) { return new World(orgs, l, products, links, rolesListed, inheritIntoLocal, developersEverywhere, tightQuotas); }
  World withProducts(List<Prod> l) { return new World(orgs, portfolios, l, links, rolesListed, inheritIntoLocal, developersEverywhere, tightQuotas); }
  World withLinks(List<Link> l) { return new World(orgs, portfolios, products, l, rolesListed, inheritIntoLocal, developersEverywhere, tightQuotas); }
  World withRolesListed(boolean b) { return new World(orgs, portfolios, products, links, b, inheritIntoLocal, developersEverywhere, tightQuotas); }
  World withInheritIntoLocal(boolean b) { return new World(orgs, portfolios, products, links, rolesListed, b, developersEverywhere, tightQuotas); }
  World withDevelopersEverywhere(boolean b) { return new World(orgs, portfolios, products, links, rolesListed, inheritIntoLocal, b, tightQuotas); }
  World withTightQuotas(boolean b) { return new World(orgs, portfolios, products, links, rolesListed, inheritIntoLocal, developersEverywhere, b); }

  /** Organizations: access of A and B, A's delegated admins (bits over MEMBERS_A), OU of each member. */
  record Orgs(boolean accessA, boolean accessB, int delegatedMask, int hubOu, int spoke1Ou, int spoke2Ou, int memberBOu) {}

  record Port(int owner, int region, boolean copy) {}

  /** A product owned by the owner of portfolio {@code home} (mod the number of portfolios). */
  record Prod(int home, int versions, boolean lastInactive) {}

  /**
   * One relation, read by {@code kind}: 0 portfolio a holds the b-th product of its owner; 1 share of portfolio a, target
   * kind b%4 (ACCOUNT, ORGANIZATION, OU, member ACCOUNT), target c, principal sharing b>=4; 2 accept
   * share a; 3 local portfolio c of importer of import a takes product b; 4 principal c on portfolio
   * a by its owner (b even) or an importer; 5 constraint of type c%4 on product-in-portfolio a; 6 a provisioned
   * product launched through product-in-portfolio a by its owner or an importer (b).
   */
  record Link(int kind, int a, int b, int c) {}

  private record Share(String portfolio, String type, String value, boolean principals) {}

  private record Imp(String portfolio, String account, String region) {}

  private record Pp(String portfolio, String product, String account, String source) {}

  String portfolioId(int i) {
    return "port-" + i;
  }

  String productId(int i) {
    return "prod-" + i;
  }

  ObjectNode snapshot() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.putObject("policy").put("inheritImportedConstraintsIntoLocal", inheritIntoLocal);
    if (tightQuotas) {
      // quotas small enough that a few calls reach them (S6)
      root.putObject("quotas").put("productsPerPortfolio", 3).put("principalsPerPortfolio", 3).put("patternPrincipalsPerPortfolio", 1)
          .put("sharesPerPortfolio", 2).put("portfoliosPerAccountRegion", 3).put("versionsPerProduct", 3);
    }
    organizations(root);
    List<String> portOwner = new ArrayList<>();
    List<String> portRegion = new ArrayList<>();
    ArrayNode ports = root.putArray("portfolios");
    for (int i = 0; i < portfolios.size(); i++) {
      Port p = portfolios.get(i);
      String owner = ACCOUNTS.get(Math.floorMod(p.owner(), ACCOUNTS.size()));
      String region = REGIONS.get(Math.floorMod(p.region(), REGIONS.size()));
      portOwner.add(owner);
      portRegion.add(region);
      ports.addObject().put("id", portfolioId(i)).put("owner", owner).put("region", region).put("name", "Portfolio " + i)
          .put("copyOf", p.copy() && i > 0 ? portfolioId(0) : null);
    }
    List<String> prodOwner = new ArrayList<>();
    ArrayNode prods = root.putArray("products");
    for (int i = 0; i < products.size(); i++) {
      Prod p = products.get(i);
      String owner = portOwner.get(Math.floorMod(p.home(), portOwner.size()));
      prodOwner.add(owner);
      ObjectNode pn = prods.addObject().put("id", productId(i)).put("owner", owner).put("name", "Product " + i);
      ArrayNode vs = pn.putArray("versions");
      int n = 1 + Math.floorMod(p.versions(), 3);
      for (int v = 1; v <= n; v++) {
        vs.addObject().put("id", "pa-" + i + "-" + v).put("name", "v" + v).put("active", !(p.lastInactive() && v == n && n > 1));
      }
    }
    int np = portfolios.size();
    int nq = products.size();
    List<Pp> pps = new ArrayList<>();
    List<Share> shares = new ArrayList<>();
    List<Imp> imports = new ArrayList<>();
    Set<String> principals = new LinkedHashSet<>();
    ArrayNode principalNodes = Json.MAPPER.createArrayNode();
    ArrayNode constraintNodes = Json.MAPPER.createArrayNode();
    Set<String> launchConstrained = new LinkedHashSet<>();
    ArrayNode provisioned = Json.MAPPER.createArrayNode();
    for (int kind = 0; kind <= 6; kind++) {
      for (Link l : links) {
        if (l.kind() != kind) continue;
        switch (kind) {
          case 0 -> {
            int pi = Math.floorMod(l.a(), np);
            List<Integer> own = new ArrayList<>();
            for (int q = 0; q < nq; q++) if (prodOwner.get(q).equals(portOwner.get(pi))) own.add(q);
            if (own.isEmpty()) continue;
            Pp pp = new Pp(portfolioId(pi), productId(own.get(Math.floorMod(l.b(), own.size()))), portOwner.get(pi), null);
            if (pps.stream().noneMatch(x -> x.portfolio().equals(pp.portfolio()) && x.product().equals(pp.product()))) pps.add(pp);
          }
          case 1 -> {
            int pi = Math.floorMod(l.a(), np);
            Share s = share(portfolioId(pi), portOwner.get(pi), l);
            if (s != null && !shares.contains(s) && shares.stream().noneMatch(x -> x.portfolio().equals(s.portfolio())
                && x.type().equals(s.type()) && x.value().equals(s.value()))) shares.add(s);
          }
          case 2 -> {
            if (shares.isEmpty()) continue;
            Share s = shares.get(Math.floorMod(l.a(), shares.size()));
            int pi = Integer.parseInt(s.portfolio().substring(5));
            Imp imp = new Imp(s.portfolio(), s.value(), portRegion.get(pi));
            if (s.type().equals("ACCOUNT") && !imports.contains(imp)) imports.add(imp);
          }
          case 3 -> {
            if (imports.isEmpty()) continue;
            Imp imp = imports.get(Math.floorMod(l.a(), imports.size()));
            List<Pp> held = pps.stream().filter(x -> x.portfolio().equals(imp.portfolio()) && x.source() == null).toList();
            List<Integer> locals = new ArrayList<>();
            for (int i = 0; i < np; i++) {
              String id = portfolioId(i);
              if (portOwner.get(i).equals(imp.account()) && portRegion.get(i).equals(imp.region())
                  && shares.stream().noneMatch(s -> s.portfolio().equals(id))) locals.add(i);
            }
            if (held.isEmpty()) continue;
            if (locals.isEmpty()) {
              // the importer has no unshared portfolio of its own there: it makes one for local use
              locals.add(np);
              portOwner.add(imp.account());
              portRegion.add(imp.region());
              ports.addObject().put("id", portfolioId(np)).put("owner", imp.account()).put("region", imp.region())
                  .put("name", "Local portfolio of " + imp.account()).putNull("copyOf");
              np++;
            }
            Pp from = held.get(Math.floorMod(l.b(), held.size()));
            String local = portfolioId(locals.get(Math.floorMod(l.c(), locals.size())));
            if (pps.stream().noneMatch(x -> x.portfolio().equals(local) && x.product().equals(from.product()))) {
              pps.add(new Pp(local, from.product(), imp.account(), imp.portfolio()));
            }
          }
          case 4 -> {
            int pi = Math.floorMod(l.a(), np);
            String pid = portfolioId(pi);
            List<Imp> importers = imports.stream().filter(i -> i.portfolio().equals(pid)).toList();
            String by = l.b() % 2 == 0 || importers.isEmpty() ? portOwner.get(pi)
                : importers.get(Math.floorMod(l.b() / 2, importers.size())).account();
            String arn = associable(by, l.c());
            if (principals.add(pid + "|" + by + "|" + arn)) {
              principalNodes.addObject().put("portfolio", pid).put("account", by).put("arn", arn)
                  .put("type", isPattern(arn) ? "IAM_PATTERN" : "IAM");
            }
          }
          case 6 -> {
            if (pps.isEmpty()) continue;
            Pp pp = pps.get(Math.floorMod(l.a(), pps.size()));
            List<String> launchers = new ArrayList<>(List.of(pp.account()));
            if (pp.source() == null) imports.stream().filter(i -> i.portfolio().equals(pp.portfolio())).forEach(i -> launchers.add(i.account()));
            String account = launchers.get(Math.floorMod(l.b(), launchers.size()));
            String name = "pp-world-" + provisioned.size();
            ObjectNode n = provisioned.addObject().put("id", "pp-w" + provisioned.size()).put("name", name).put("account", account)
                .put("product", pp.product()).put("version", "pa-" + pp.product().substring(5) + "-1").put("path", pp.portfolio())
                .put("launchedBy", l.c() % 2 == 0 ? developer(account) : alice(account)).put("status", "AVAILABLE");
            n.putObject("parameters").put("InstanceType", "t3.micro");
          }
          case 5 -> {
            if (pps.isEmpty()) continue;
            Pp pp = pps.get(Math.floorMod(l.a(), pps.size()));
            int type = Math.floorMod(l.c(), 4);
            String key = pp.portfolio() + "|" + pp.product();
            if (type <= 1 && !launchConstrained.add(key)) continue;
            ObjectNode c = constraintNodes.addObject().put("id", "cons-" + constraintNodes.size())
                .put("type", switch (type) { case 0, 1 -> "LAUNCH"; case 2 -> "TEMPLATE"; default -> "NOTIFICATION"; })
                .put("portfolio", pp.portfolio()).put("product", pp.product()).put("account", pp.account());
            c.set("parameters", constraintParameters(type, pp.account()));
          }
        }
      }
    }
    if (developersEverywhere) {
      for (int i = 0; i < np; i++) {
        String pid = portfolioId(i);
        List<String> grantors = new ArrayList<>(List.of(portOwner.get(i)));
        imports.stream().filter(imp -> imp.portfolio().equals(pid)).forEach(imp -> grantors.add(imp.account()));
        for (String by : grantors) {
          if (principals.add(pid + "|" + by + "|" + developer(by))) {
            principalNodes.addObject().put("portfolio", pid).put("account", by).put("arn", developer(by)).put("type", "IAM");
          }
        }
      }
    }
    ArrayNode ppNodes = root.putArray("portfolioProducts");
    pps.forEach(pp -> ppNodes.addObject().put("portfolio", pp.portfolio()).put("product", pp.product())
        .put("account", pp.account()).put("sourcePortfolio", pp.source()));
    root.set("constraints", constraintNodes);
    ArrayNode shareNodes = root.putArray("shares");
    shares.forEach(s -> shareNodes.addObject().put("portfolio", s.portfolio()).put("type", s.type()).put("value", s.value())
        .put("sharePrincipals", s.principals()).put("shareTagOptions", false));
    ArrayNode importNodes = root.putArray("imports");
    imports.forEach(i -> importNodes.addObject().put("portfolio", i.portfolio()).put("account", i.account())
        .put("region", i.region()).put("type", "IMPORTED"));
    root.set("principals", principalNodes);
    root.set("provisionedProducts", provisioned);
    if (rolesListed) {
      ArrayNode roles = root.putArray("roles");
      for (String a : ACCOUNTS) {
        roles.addObject().put("arn", developer(a));
        roles.addObject().put("arn", admin(a));
        // the outsider and B's member have no SCLaunch role: LocalRoleName launches there miss it
        if (!a.equals(OUTSIDER) && !a.equals(MEMBER_B)) roles.addObject().put("arn", "arn:aws:iam::" + a + ":role/SCLaunch");
      }
    }
    return root;
  }

  private void organizations(ObjectNode root) {
    ArrayNode orgs = root.putArray("organizations");
    ObjectNode a = orgs.addObject().put("id", ORG_A).put("managementAccount", MGMT_A)
        .put("serviceCatalogAccess", this.orgs.accessA());
    ArrayNode admins = a.putArray("delegatedAdmins");
    for (int i = 0; i < MEMBERS_A.size(); i++) if ((this.orgs.delegatedMask() >> i & 1) == 1) admins.add(MEMBERS_A.get(i));
    orgs.addObject().put("id", ORG_B).put("managementAccount", MGMT_B).put("serviceCatalogAccess", this.orgs.accessB())
        .putArray("delegatedAdmins");
    ArrayNode ous = root.putArray("organizationalUnits");
    for (Cast.Ou ou : Cast.ous()) ous.addObject().put("id", ou.id()).put("organization", ou.organization()).put("parent", ou.parent());
    ArrayNode accounts = root.putArray("accounts");
    accounts.addObject().put("id", MGMT_A).put("organization", ORG_A).put("parent", OUS_A.get(0).id());
    int[] placement = {this.orgs.hubOu(), this.orgs.spoke1Ou(), this.orgs.spoke2Ou()};
    for (int i = 0; i < MEMBERS_A.size(); i++) {
      accounts.addObject().put("id", MEMBERS_A.get(i)).put("organization", ORG_A)
          .put("parent", OUS_A.get(Math.floorMod(placement[i], OUS_A.size())).id());
    }
    accounts.addObject().put("id", MGMT_B).put("organization", ORG_B).put("parent", OUS_B.get(0).id());
    accounts.addObject().put("id", MEMBER_B).put("organization", ORG_B)
        .put("parent", OUS_B.get(Math.floorMod(this.orgs.memberBOu(), OUS_B.size())).id());
    accounts.addObject().put("id", OUTSIDER).putNull("organization").putNull("parent");
  }

  /** The organization of an account of the cast, or null. */
  static String orgOf(String account) {
    if (account.equals(MGMT_A) || MEMBERS_A.contains(account)) return ORG_A;
    if (account.equals(MGMT_B) || account.equals(MEMBER_B)) return ORG_B;
    return null;
  }

  /** A valid share of a portfolio by its owner as the link describes it, or null where none can be made. */
  private Share share(String portfolio, String owner, Link l) {
    int kind = Math.floorMod(l.b(), 4);
    String org = orgOf(owner);
    boolean admin = owner.equals(MGMT_A) || owner.equals(MGMT_B)
        || (org != null && org.equals(ORG_A) && (orgs.delegatedMask() >> MEMBERS_A.indexOf(owner) & 1) == 1);
    if (kind == 0) {
      String target = ACCOUNTS.get(Math.floorMod(l.c(), ACCOUNTS.size()));
      return target.equals(owner) ? null : new Share(portfolio, "ACCOUNT", target, false);
    }
    if (org == null || !admin) return null;
    boolean principals = Math.floorMod(l.b(), 8) >= 4;
    List<Cast.Ou> ous = org.equals(ORG_A) ? OUS_A : OUS_B;
    return switch (kind) {
      case 1 -> new Share(portfolio, "ORGANIZATION", org, principals);
      case 2 -> new Share(portfolio, "ORGANIZATIONAL_UNIT", ous.get(Math.floorMod(l.c(), ous.size())).id(), principals);
      default -> {
        List<String> members = ACCOUNTS.stream().filter(x -> org.equals(orgOf(x)) && !x.equals(owner)).toList();
        yield new Share(portfolio, "ORGANIZATION_MEMBER_ACCOUNT", members.get(Math.floorMod(l.c(), members.size())), false);
      }
    };
  }

  /** Parameters of a generated constraint: 0 LAUNCH RoleArn, 1 LAUNCH LocalRoleName, 2 TEMPLATE, 3 NOTIFICATION. */
  static ObjectNode constraintParameters(int type, String account) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    switch (type) {
      case 0 -> p.put("RoleArn", "arn:aws:iam::" + account + ":role/SCLaunch");
      case 1 -> p.put("LocalRoleName", "SCLaunch");
      case 2 -> {
        ObjectNode rule = p.putObject("Rules").putObject("SmallInstances");
        ObjectNode a = rule.putArray("Assertions").addObject();
        ArrayNode contains = a.putObject("Assert").putArray("Fn::Contains");
        contains.addArray().add("t3.micro").add("t3.small");
        contains.addObject().put("Ref", "InstanceType");
        a.put("AssertDescription", "instance type must be t3.micro or t3.small");
      }
      default -> p.putArray("NotificationArns").add("arn:aws:sns:us-east-1:" + account + ":catalog-events");
    }
    return p;
  }
}
