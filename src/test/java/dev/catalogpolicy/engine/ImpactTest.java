package dev.catalogpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.scenario.CallParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** ExplainImpact's launch-path difference, on the repository's rules. */
class ImpactTest {
  private static final Path ORG_WIDE = Path.of("fixtures/explain/org-wide-product-removal-lists-every-spoke.json");
  private static final Path LISTED_ROLES = Path.of("fixtures/explain/listed-roles-are-the-principals-a-pattern-matches.json");
  private static final String HUB = "{\"account\": \"111111111111\", \"region\": \"us-east-1\"}";

  private static ObjectNode catalogOf(Path fixture) throws Exception {
    return (ObjectNode) Json.parse(Files.readString(fixture)).get("catalog");
  }

  private static Catalog load(JsonNode catalog) {
    return Engine.settle(TestRules.get(), CatalogJson.read(catalog, "$")).catalog();
  }

  private static Engine.Result explain(Catalog c, String caller, String call, String input) {
    Call explain = CallParser.parse(Json.parse("{\"call\": \"ExplainImpact\", \"caller\": " + caller
        + ", \"input\": {\"call\": \"" + call + "\", \"input\": " + input + "}}"), "$");
    return Engine.evaluate(TestRules.get(), c, explain);
  }

  private static Impact.Report impact(Engine.Result r) {
    return (Impact.Report) r.decision().impact();
  }

  private static Set<String> lost(Impact.Report r) {
    return r.pathsLost().stream().map(e -> e.account() + " " + e.principal() + " " + e.pathId() + " " + e.product())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static final String REMOVE_VPC = "{\"ProductId\": \"prod-vpc\", \"PortfolioId\": \"port-hub\"}";
  private static final String VPC_LAUNCH_CONSTRAINT = "{\"Id\": \"cons-l\", \"PortfolioId\": \"port-hub\", \"ProductId\": \"prod-vpc\","
      + " \"Type\": \"LAUNCH\", \"Parameters\": {\"LocalRoleName\": \"SCLaunch\"}}";

  @Test
  void pathsDerivedForOnlyTheFirstPrincipalsBeforeTimeRanOutGiveATruncatedReportOfThoseOnly() throws Exception {
    Catalog c = load(catalogOf(ORG_WIDE));
    Call remove = CallParser.parse(Json.parse("{\"call\": \"DisassociateProductFromPortfolio\", \"caller\": " + HUB
        + ", \"input\": " + REMOVE_VPC + "}"), "$");
    Engine.Result dry = Engine.evaluate(TestRules.get(), c, remove.asDryRun());
    RuleSet rules = TestRules.get();
    Impact.Paths before = (ps, products) -> Impact.fresh(rules, c, ps.subList(0, 2), products); // time ran out after two
    Impact.Paths after = (ps, products) -> Impact.fresh(rules, dry.wouldBe(), ps, products);
    Impact.Report partial = Impact.of(c, remove, dry, before, after);
    Impact.Report whole = Impact.of(rules, c, remove, dry);
    assertFalse(whole.truncated());
    assertTrue(partial.truncated());
    assertEquals(2, partial.principalsChecked());
    assertTrue(lost(whole).containsAll(lost(partial)) && lost(partial).size() < lost(whole).size(),
        "the partial report lists what the checked principals lose, and nothing else");
  }

  @Test
  void removingAProductFromAnOrgWideShareListsExactlyTheLostPathsAndAppliesNothing() throws Exception {
    Catalog c = load(catalogOf(ORG_WIDE));
    Engine.Result r = explain(c, HUB, "DisassociateProductFromPortfolio", REMOVE_VPC);
    assertSame(c, r.catalog(), "ExplainImpact applies nothing");
    Impact.Report im = impact(r);
    assertEquals(Set.of(
        "111111111111 arn:aws:iam:::role/SCEndUser* port-hub prod-vpc",
        "222222222222 arn:aws:iam::222222222222:role/Developer port-hub prod-vpc",
        "222222222222 arn:aws:iam:::role/SCEndUser* port-hub prod-vpc",
        "333333333333 arn:aws:iam:::role/SCEndUser* port-hub prod-vpc",
        "333333333333 arn:aws:sts::333333333333:assumed-role/SCEndUserOps/bob port-hub prod-vpc",
        "333333333333 arn:aws:iam::333333333333:role/Operator port-ops-local prod-vpc"), lost(im));
    assertEquals(List.of(), im.pathsGained());
    assertEquals(List.of(), im.pathsChanged(), "prod-db stays on every path, unchanged");
    assertEquals(Set.of("pp-222-vpc", "pp-333-vpc"),
        im.provisionedProductsWithoutPath().stream().map(Impact.ProvisionedProductEntry::id).collect(Collectors.toSet()));
    assertFalse(im.accounts().contains("444444444444"), "an account with nothing tied to port-hub is not touched");
    assertEquals(6, im.principalsChecked(), "account 444444444444's Builder is not even checked");
  }

  @Test
  void aSharedLaunchConstraintChangesImportedPathsButNotLocalOnesUnlessThePolicyCarriesIt() throws Exception {
    ObjectNode catalog = catalogOf(ORG_WIDE);
    Impact.Report byDefault = impact(explain(load(catalog), HUB, "CreateConstraint", VPC_LAUNCH_CONSTRAINT));
    assertTrue(byDefault.pathsChanged().stream().noneMatch(p -> p.pathId().equals("port-ops-local")),
        "H4 by default: the imported launch constraint is not carried to the local portfolio");
    assertTrue(byDefault.pathsChanged().stream().anyMatch(p -> p.pathId().equals("port-hub")
        && p.principal().equals("arn:aws:iam::222222222222:role/Developer")
        && "arn:aws:iam::222222222222:role/SCLaunch".equals(p.after().launchRoleArn())));

    catalog.set("policy", Json.parse("{\"inheritImportedConstraintsIntoLocal\": true}"));
    Impact.Report carried = impact(explain(load(catalog), HUB, "CreateConstraint", VPC_LAUNCH_CONSTRAINT));
    Impact.PathChange local = carried.pathsChanged().stream().filter(p -> p.pathId().equals("port-ops-local")).findFirst()
        .orElseThrow(() -> new AssertionError("with the H4 option the local path follows: " + carried.pathsChanged()));
    assertEquals("arn:aws:iam::333333333333:role/Operator", local.principal());
    assertEquals("arn:aws:iam::333333333333:role/SCLaunch", local.after().launchRoleArn());
    assertEquals(List.of("launchRole", "launchConstraints"), local.changed());
  }

  @Test
  void whereRolesAreListedAPatternIsCheckedThroughTheRolesItCanMatch() throws Exception {
    Catalog c = load(catalogOf(LISTED_ROLES));
    Impact.Report im = impact(explain(c, "{\"account\": \"222222222222\", \"region\": \"us-east-1\"}",
        "DisassociatePrincipalFromPortfolio",
        "{\"PortfolioId\": \"port-hub\", \"PrincipalARN\": \"arn:aws:iam:::role/SCEndUser*\", \"PrincipalType\": \"IAM_PATTERN\"}"));
    assertEquals(Set.of("222222222222 arn:aws:iam::222222222222:role/SCEndUserA port-hub prod-vpc",
        "222222222222 arn:aws:iam::222222222222:role/SCEndUserB port-hub prod-vpc"), lost(im), "the Auditor role never matched");
    assertTrue(im.pathsLost().stream().allMatch(p -> p.principalType().equals("IAM")));
  }

  @Test
  void queriesAndDenialsChangeNoPath() throws Exception {
    Catalog c = load(catalogOf(ORG_WIDE));
    Impact.Report query = impact(explain(c, "{\"account\": \"222222222222\", \"region\": \"us-east-1\","
        + " \"principal\": \"arn:aws:iam::222222222222:role/Developer\"}", "ListLaunchPaths", "{\"ProductId\": \"prod-vpc\"}"));
    assertEquals("ALLOW", query.decision());
    assertEquals(0, query.principalsChecked());
    assertEquals(List.of(), query.pathsLost());
    Engine.Result denied = explain(c, "{\"account\": \"222222222222\", \"region\": \"us-east-1\"}",
        "DisassociateProductFromPortfolio", REMOVE_VPC);
    assertEquals("DENY", denied.decision().decision());
    assertEquals(0, impact(denied).principalsChecked());
    assertEquals(List.of(), impact(denied).accounts());
  }

  @Test
  void theCostFollowsTheChangeNotTheCatalog() throws Exception {
    ObjectNode catalog = catalogOf(ORG_WIDE);
    // 300 more accounts, each with its own portfolio, product and principal: none tied to port-hub
    for (int i = 0; i < 300; i++) {
      String a = String.format("5%011d", i);
      ((com.fasterxml.jackson.databind.node.ArrayNode) catalog.get("portfolios")).add(Json.parse(
          "{\"id\": \"port-" + a + "\", \"owner\": \"" + a + "\", \"region\": \"us-east-1\", \"name\": \"own\"}"));
      ((com.fasterxml.jackson.databind.node.ArrayNode) catalog.get("portfolioProducts")).add(Json.parse(
          "{\"portfolio\": \"port-" + a + "\", \"product\": \"prod-444\", \"account\": \"" + a + "\"}"));
      ((com.fasterxml.jackson.databind.node.ArrayNode) catalog.get("principals")).add(Json.parse(
          "{\"portfolio\": \"port-" + a + "\", \"account\": \"" + a + "\", \"arn\": \"arn:aws:iam::" + a + ":role/Dev\", \"type\": \"IAM\"}"));
    }
    Impact.Report im = impact(explain(load(catalog), HUB, "DisassociateProductFromPortfolio", REMOVE_VPC));
    assertEquals(6, im.principalsChecked());
    assertEquals(6, im.pathsLost().size());
  }

  @Test
  void aPrincipalOfAnotherAccountAssociatedByMistakeIsNoCallerThere() throws Exception {
    Catalog c = load(catalogOf(Path.of("fixtures/launch/audit-cross-region-import-and-foreign-principal.json")));
    Impact.Report im = impact(explain(c, HUB, "DisassociateProductFromPortfolio",
        "{\"ProductId\": \"prod-lint\", \"PortfolioId\": \"port-tools\"}"));
    assertEquals(Set.of("222222222222 arn:aws:iam::222222222222:role/Developer port-tools prod-lint"), lost(im),
        "333333333333's Contractor never launches in 222222222222, so it loses nothing there");
  }
}
