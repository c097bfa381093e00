package dev.catalogpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A seeded random walk of calls over a small organization (launches applied and dry, products
 * leaving and joining shared portfolios, local copies, account moves and removals, shares deleted
 * and made again, imports rejected and accepted, access disabled and enabled, principals, constraints,
 * queries, audits, ExplainImpact): the live engine decides each call as today's engine does on the
 * same facts, and ends each step with the same facts.
 */
class StatefulEngineRandomTest {
  private static final int ACCOUNTS = 12, PORTFOLIOS = 4, PRODUCTS = 5, STEPS = 300;

  @Test
  void aRandomWalkDecidesAsTheFreshEngine() {
    RuleSet rules = TestRules.get();
    Random rnd = new Random(20261202L);
    Catalog today = Engine.settle(rules, OrgCatalog.build(ACCOUNTS, PORTFOLIOS, PRODUCTS)).catalog();
    try (StatefulEngine live = new StatefulEngine(rules, OrgCatalog.build(ACCOUNTS, PORTFOLIOS, PRODUCTS))) {
      Map<String, Integer> decided = new HashMap<>();
      for (int step = 0; step < STEPS; step++) {
        Call call = randomCall(rnd, step);
        Engine.Result expected = Engine.evaluate(rules, today, call);
        Engine.Result actual = live.evaluate(call);
        String where = "step " + step + " " + call;
        assertEquals(normalized(expected.decision()), normalized(actual.decision()), where);
        assertEquals(counts(expected.catalog().allFacts().toList()), counts(live.catalog().allFacts().toList()), where);
        today = expected.catalog();
        decided.merge(call.getName() + " " + actual.decision().decision(), 1, Integer::sum);
        if (step % 50 == 49) StatefulEngineTest.assertSessionHoldsCatalog(rules, live, where);
      }
      // the walk must reach both outcomes of the calls that matter, or it proves little
      for (String k : List.of("ProvisionProduct ALLOW", "ProvisionProduct DENY", "DisassociateProductFromPortfolio ALLOW",
          "MoveAccount ALLOW", "AssociateProductWithPortfolio ALLOW", "RejectPortfolioShare ALLOW")) {
        assertEquals(true, decided.getOrDefault(k, 0) > 0, k + " never happened: " + decided);
      }
    }
  }

  private static Call randomCall(Random rnd, int step) {
    int i = rnd.nextInt(ACCOUNTS);
    String a = OrgCatalog.spoke(i);
    Caller hub = new Caller(OrgCatalog.HUB, OrgCatalog.REGION, null, null);
    Caller spokeAdmin = new Caller(a, OrgCatalog.REGION, null, null);
    Caller dev = new Caller(a, OrgCatalog.REGION, OrgCatalog.developer(a), List.of());
    int p = rnd.nextInt(PORTFOLIOS), k = rnd.nextInt(PRODUCTS);
    String port = OrgCatalog.portfolio(p), prod = OrgCatalog.product(p, k);
    ObjectNode in = Json.MAPPER.createObjectNode();
    int pick = rnd.nextInt(100);
    if (pick < 30) {
      in.put("ProductId", prod).put("ProvisioningArtifactId", prod + (rnd.nextInt(5) == 0 ? "-v9" : "-v1"))
          .put("ProvisionedProductName", "pp-" + step);
      if (rnd.nextBoolean()) in.put("PathId", rnd.nextBoolean() ? port : "port-" + a + "-local");
      return new Call("ProvisionProduct", dev, in, rnd.nextBoolean());
    }
    if (pick < 38) return new Call("DisassociateProductFromPortfolio", hub, in.put("ProductId", prod).put("PortfolioId", port),
        rnd.nextInt(4) == 0);
    if (pick < 46) return new Call("AssociateProductWithPortfolio", hub, in.put("ProductId", prod).put("PortfolioId", port), false);
    if (pick < 52) return new Call("AssociateProductWithPortfolio", spokeAdmin, in.put("ProductId", prod)
        .put("PortfolioId", "port-" + a + "-local").put("SourcePortfolioId", port), false);
    if (pick < 57) return new Call("MoveAccount", hub, in.put("AccountId", a)
        .put("DestinationParentId", rnd.nextInt(4) == 0 ? "r-root" : "ou-" + rnd.nextInt(10) + (rnd.nextBoolean() ? "" : "-" + rnd.nextInt(4))), false);
    if (pick < 59) return new Call("RemoveAccountFromOrganization", hub, in.put("AccountId", a), rnd.nextBoolean());
    if (pick < 63) return new Call(rnd.nextBoolean() ? "RejectPortfolioShare" : "AcceptPortfolioShare", spokeAdmin,
        in.put("PortfolioId", port).put("PortfolioShareType", "AWS_ORGANIZATIONS"), false);
    if (pick < 66) {
      in.put("PortfolioId", port).putObject("OrganizationNode").put("Type", rnd.nextBoolean() ? "ORGANIZATION" : "ORGANIZATIONAL_UNIT")
          .put("Value", rnd.nextBoolean() ? OrgCatalog.ORG : "ou-" + rnd.nextInt(10));
      return new Call(rnd.nextBoolean() ? "DeletePortfolioShare" : "CreatePortfolioShare", hub, in, false);
    }
    if (pick < 68) return new Call(rnd.nextBoolean() ? "DisableAWSOrganizationsAccess" : "EnableAWSOrganizationsAccess", hub, in, false);
    if (pick < 73) return new Call(rnd.nextBoolean() ? "AssociatePrincipalWithPortfolio" : "DisassociatePrincipalFromPortfolio",
        spokeAdmin, in.put("PortfolioId", port).put("PrincipalARN", OrgCatalog.developer(a)).put("PrincipalType", "IAM"), false);
    if (pick < 77) {
      if (rnd.nextBoolean()) return new Call("DeleteConstraint", hub, in.put("Id", "cons-" + prod), false);
      in.put("Id", "cons-" + prod).put("PortfolioId", port).put("ProductId", prod).put("Type", "LAUNCH")
          .putObject("Parameters").put("RoleArn", "arn:aws:iam::" + OrgCatalog.HUB + ":role/SCLaunch");
      return new Call("CreateConstraint", hub, in, false);
    }
    if (pick < 80) {
      ObjectNode target = Json.MAPPER.createObjectNode().put("ProductId", prod).put("PortfolioId", port);
      return new Call("ExplainImpact", hub, null, false, new Call("DisassociateProductFromPortfolio", hub, target, true));
    }
    if (pick < 84) return new Call("TerminateProvisionedProduct", dev, in.put("ProvisionedProductId", "pp-" + a), false);
    if (pick < 92) return new Call("ListLaunchPaths", dev, in.put("ProductId", prod), false);
    if (pick < 97) return new Call("SearchProducts", dev, in, false);
    return new Call("AuditCatalog", hub, in, false);
  }

  private static JsonNode normalized(Decision d) {
    ObjectNode n = Json.MAPPER.valueToTree(d);
    n.remove("decisionId");
    for (String f : List.of("reasons", "effects", "paths", "constraints", "findings")) {
      if (n.get(f) != null && n.get(f).isArray()) {
        List<String> items = new ArrayList<>();
        n.get(f).forEach(x -> items.add(x.toString()));
        items.sort(null);
        n.set(f, Json.MAPPER.valueToTree(items));
      }
    }
    return n;
  }

  private static Map<Object, Integer> counts(List<Object> facts) {
    Map<Object, Integer> m = new HashMap<>();
    for (Object f : facts) m.merge(f, 1, Integer::sum);
    return m;
  }
}
