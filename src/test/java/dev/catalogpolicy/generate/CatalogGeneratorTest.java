package dev.catalogpolicy.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.engine.Effect;
import dev.catalogpolicy.engine.Engine;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.*;
import dev.catalogpolicy.scenario.CallParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.catalogpolicy.cli.Main;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class CatalogGeneratorTest {
  private static final GeneratorSpec SMALL = new GeneratorSpec(60, 8, 6, 5, 1, 7);
  private static CatalogGenerator.Generated generated;
  private static Catalog loaded;

  @BeforeAll
  static void load() {
    generated = CatalogGenerator.generate(SMALL, 24);
    String text = CatalogJson.write(generated.catalog()).toString();
    loaded = Engine.settle(TestRules.get(), CatalogJson.read(text)).catalog();
  }

  private static Decision decide(Catalog c, ObjectNode call) {
    return Engine.evaluate(TestRules.get(), c, CallParser.parse(call, "$")).decision();
  }

  private static ObjectNode call(String name, String account, String input) {
    return (ObjectNode) Json.parse("{\"call\": \"" + name + "\", \"caller\": {\"account\": \"" + account
        + "\", \"region\": \"us-east-1\"}, \"input\": " + input + "}");
  }

  @Test
  void theSameSeedGivesTheSameSnapshotAndAnotherSeedAnother() {
    String a = CatalogJson.write(CatalogGenerator.generate(SMALL, 10).catalog()).toString();
    String b = CatalogJson.write(CatalogGenerator.generate(SMALL, 10).catalog()).toString();
    String c = CatalogJson.write(CatalogGenerator.generate(new GeneratorSpec(60, 8, 6, 5, 1, 8), 10).catalog()).toString();
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(CatalogGenerator.generate(SMALL, 10).samples(), CatalogGenerator.generate(SMALL, 10).samples());
  }

  @Test
  void theSnapshotHasTheRequestedShape() {
    Catalog c = generated.catalog();
    assertEquals(SMALL.ous(), c.list(OrganizationalUnit.class).size());
    assertEquals(SMALL.accounts(), c.list(Account.class).stream().filter(a -> a.organization() != null).count());
    assertTrue(c.list(Account.class).stream().anyMatch(a -> a.organization() == null), "outside accounts");
    assertTrue(c.list(OrganizationalUnit.class).stream().anyMatch(ou -> ou.parent() != null && !ou.parent().equals("ou-root")),
        "OUs nest");
    assertEquals(SMALL.portfolios() * SMALL.products(), c.list(Product.class).size());
    assertTrue(c.list(Share.class).stream().anyMatch(s -> s.type().equals(Share.ORGANIZATION)));
    assertTrue(c.list(Share.class).stream().anyMatch(s -> s.type().equals(Share.ORGANIZATIONAL_UNIT)));
    assertTrue(c.list(Share.class).stream().anyMatch(s -> s.type().equals(Share.ACCOUNT)));
    Set<String> launchKinds = c.list(Constraint.class).stream().filter(k -> k.type().equals("LAUNCH"))
        .map(k -> k.hasParam("RoleArn") ? "RoleArn" : "LocalRoleName").collect(Collectors.toSet());
    assertEquals(Set.of("RoleArn", "LocalRoleName"), launchKinds);
    assertTrue(c.list(Constraint.class).stream().anyMatch(k -> k.type().equals("TEMPLATE")));
    assertTrue(c.list(Import.class).stream().noneMatch(Import::isOrganizationImport), "organization imports come from loading");
  }

  @Test
  void loadingImportsTheOrganizationSharesIntoEverySpoke() {
    Set<String> importers = loaded.list(Import.class).stream()
        .filter(i -> i.portfolio().equals("port-hub-000") && i.isOrganizationImport()).map(Import::account)
        .collect(Collectors.toSet());
    Set<String> spokes = loaded.list(Account.class).stream().filter(a -> a.organization() != null)
        .map(Account::id).filter(id -> !id.equals("100000000000")).collect(Collectors.toSet());
    assertEquals(spokes, importers);
    // every spoke has a local portfolio holding products taken from its imports, and associates principals
    for (String spoke : spokes) {
      assertTrue(loaded.list(PortfolioProduct.class).stream().anyMatch(pp -> pp.account().equals(spoke) && pp.isLocal()), spoke);
      assertTrue(loaded.list(PrincipalAssociation.class).stream().anyMatch(pa -> pa.account().equals(spoke)), spoke);
    }
  }

  @Test
  void auditFindsOnlyTheDeliberatePrincipalNameSharing() {
    Decision d = decide(loaded, call("AuditCatalog", "100000000000", "{}"));
    assertEquals("ALLOW", d.decision());
    // principal name sharing (an owner's IAM_PATTERN on a share with SharePrincipals) is generated on
    // purpose, as organizations use it; the audit flags each such share, and nothing else
    long nameShared = loaded.list(Share.class).stream().filter(s -> s.sharePrincipals() && s.isOrganizationShare()).count();
    assertTrue(nameShared > 0);
    assertEquals(Set.of("PRINCIPAL_NAME_SHARING_OPEN"), d.findings().stream().map(f -> f.code()).collect(Collectors.toSet()));
    assertEquals(nameShared, d.findings().size());
  }

  @Test
  void everySampleLaunchIsAllowedThroughItsPathAndListed() {
    assertEquals(24, generated.samples().size());
    assertTrue(generated.samples().stream().map(LaunchSample::account).distinct().count() > 10, "spread over accounts");
    assertEquals(Set.of("IMPORTED", "LOCAL"), generated.samples().stream().map(LaunchSample::pathKind).collect(Collectors.toSet()));
    int i = 0;
    for (LaunchSample s : generated.samples()) {
      Decision d = decide(loaded, s.provisionCall("bench-" + i++));
      assertEquals("ALLOW", d.decision(), s + " " + d.reasons());
      assertEquals(s.pathId(), d.launch().pathId());
      Decision paths = decide(loaded, s.listLaunchPathsCall());
      assertTrue(paths.paths().stream().anyMatch(p -> p.pathId().equals(s.pathId())), s.toString());
    }
  }

  @Test
  void removingAProductFromTheOrgWideShareReachesEveryImportAndLocalPortfolio() {
    PortfolioProduct taken = loaded.list(PortfolioProduct.class).stream()
        .filter(pp -> "port-hub-000".equals(pp.sourcePortfolio())).findFirst().orElseThrow();
    Decision d = decide(loaded, call("DisassociateProductFromPortfolio", "100000000000",
        "{\"ProductId\": \"" + taken.product() + "\", \"PortfolioId\": \"port-hub-000\"}"));
    assertEquals("ALLOW", d.decision(), d.reasons().toString());
    long imports = loaded.list(Import.class).stream().filter(im -> im.portfolio().equals("port-hub-000")).count();
    long locals = loaded.list(PortfolioProduct.class).stream()
        .filter(pp -> "port-hub-000".equals(pp.sourcePortfolio()) && pp.product().equals(taken.product())).count();
    assertEquals(imports, d.effects().stream().filter(e -> e.kind().equals("IMPORTED_PRODUCT_REMOVED")).count());
    assertEquals(locals, d.effects().stream().filter(e -> e.kind().equals("LOCAL_PRODUCT_REMOVED")).count());
    assertTrue(d.effects().stream().map(Effect::account).anyMatch(taken.account()::equals));
  }

  @Test
  void theCommandWritesTheSnapshotAndCallsAndRefusesBadOptions(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("catalog.json"), calls = dir.resolve("calls.jsonl");
    assertEquals(0, Main.run("generate", "--accounts", "60", "--ous", "8", "--portfolios", "6", "--products", "5",
        "--seed", "7", "--out", out.toString(), "--calls", calls.toString(), "--call-count", "40"));
    assertEquals(CatalogJson.write(generated.catalog()), Json.parse(Files.readString(out)));
    List<String> lines = Files.readAllLines(calls);
    assertEquals(40, lines.size());
    assertEquals(generated.samples().get(3).provisionCall("bench-3"), Json.parse(lines.get(3)));
    PrintStream err = System.err;
    var captured = new java.io.ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true));
    try {
      assertEquals(2, Main.run("generate", "--portfolios", "101"));
    } finally {
      System.setErr(err);
    }
    assertTrue(captured.toString().startsWith("generate: --portfolios must be between 1 and 100"), captured.toString());
  }

  @Test
  void aSpecThatCannotGiveAValidCatalogIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(10, 2, 3, 151, 1, 1));
    assertTrue(e.getMessage().contains("--products must be between 1 and 150"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(1, 2, 3, 4, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(10, 2, 3, 4, 4, 1));
    assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.named("org-3k", 1));
  }
}
