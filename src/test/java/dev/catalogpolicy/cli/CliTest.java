package dev.catalogpolicy.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut, oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true));
    System.setErr(new PrintStream(err, true));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  @Test
  void validatePrintsTheRuleCount() {
    assertEquals(0, Main.run("validate", "--rules", "rules"));
    assertTrue(out.toString().matches("(?s)\\d+ rules in \\d+ files compiled.*"), out.toString());
  }

  @Test
  void validatePrintsFileLineColumnPerError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bad.drl"), "package x;\n\nrule \"r\"\nwhen\n  Foo(a == )\nthen\nend\n");
    assertEquals(1, Main.run("validate", "--rules", dir.toString()));
    assertTrue(err.toString().startsWith(dir.resolve("bad.drl") + ":5:"), err.toString());
  }

  @Test
  void testReportsFailingStepsAndTheSummaryLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.json");
    Files.writeString(f, """
        { "name": "wrong expectation",
          "steps": [
            { "id": "create", "call": "CreatePortfolio",
              "caller": { "account": "111111111111", "region": "us-east-1" },
              "input": { "Id": "p", "DisplayName": "P" }, "expect": { "decision": "ALLOW" } },
            { "id": "again", "call": "CreatePortfolio",
              "caller": { "account": "111111111111", "region": "us-east-1" },
              "input": { "Id": "p", "DisplayName": "P" }, "expect": { "decision": "ALLOW" } } ] }
        """);
    assertEquals(1, Main.run("test", f.toString()));
    String s = out.toString();
    assertTrue(s.contains("FAIL " + f + ":6 scenario \"wrong expectation\" step again (CreatePortfolio)"), s);
    assertTrue(s.contains("decision: expected ALLOW, got DENY"), s);
    assertTrue(s.strip().endsWith("1 passed, 1 failed"), s);
  }

  @Test
  void testReportsAnUnreadableFileWithItsLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.json");
    Files.writeString(f, "{\n \"steps\": [\n  { \"call\": \"Nope\",\n    \"caller\": {\"account\": \"111111111111\", \"region\": \"r\"} } ] }\n");
    assertEquals(1, Main.run("test", f.toString()));
    assertTrue(out.toString().contains(f + ":3: $.steps[0].call: unknown call 'Nope'"), out.toString());
  }

  @Test
  void decidePrintsOneDecision(@TempDir Path dir) throws Exception {
    Path call = dir.resolve("call.json");
    Files.writeString(call, "{\"call\": \"ListLaunchPaths\", \"caller\": {\"account\": \"222222222222\", \"region\": \"us-east-1\","
        + " \"principal\": \"arn:aws:iam::222222222222:role/Developer\"}, \"input\": {\"ProductId\": \"prod-ec2\"}}");
    assertEquals(0, Main.run("decide", "--catalog", "fixtures/demo/catalog.json", call.toString()));
    assertTrue(out.toString().contains("\"decision\" : \"ALLOW\""), out.toString());
    assertTrue(out.toString().contains("\"pathId\" : \"port-spoke-local\""), out.toString());
  }

  @Test
  void explainPrintsTheChainFromCallerToOutcome(@TempDir Path dir) throws Exception {
    Path call = dir.resolve("call.json");
    Files.writeString(call, "{\"call\": \"ProvisionProduct\", \"caller\": {\"account\": \"222222222222\", \"region\": \"us-east-1\","
        + " \"principal\": \"arn:aws:sts::222222222222:assumed-role/Developer/alice\"}, \"input\": {\"ProductId\": \"prod-vpc\","
        + " \"ProvisioningArtifactId\": \"pa-vpc-v1\", \"ProvisionedProductName\": \"web\"}}");
    assertEquals(0, Main.run("explain", "--catalog", "fixtures/demo/catalog.json", call.toString()));
    String s = out.toString();
    assertTrue(s.startsWith("ALLOW: ProvisionProduct by arn:aws:sts::222222222222:assumed-role/Developer/alice"), s);
    assertTrue(s.contains("LAUNCH_ROLE_ARN  rule \"L5 the launch role is the RoleArn of the launch constraint\""), s);
    // the chain reaches the catalog facts: the association that grants, and the organization import behind the path
    assertTrue(s.contains("<- \"R6 an assumed-role session acts as its role\""), s);
    assertTrue(s.contains("PrincipalAssociation {\"portfolio\":\"port-hub\",\"account\":\"222222222222\""), s);
    assertTrue(s.contains("Import {\"portfolio\":\"port-hub\",\"account\":\"222222222222\",\"region\":\"us-east-1\",\"type\":\"AWS_ORGANIZATIONS\"}"), s);
  }

  @Test
  void coverageListsRulesAndTheOnesNoStepFires(@TempDir Path dir) throws Exception {
    Main.run("test", "--coverage=json", "fixtures/tour");
    String s = out.toString();
    var json = dev.catalogpolicy.json.Json.parse(s.substring(s.indexOf('{'), s.lastIndexOf('}') + 1));
    assertTrue(json.get("rules").asInt() > 100);
    assertTrue(json.get("fired").asInt() > 10 && json.get("fired").asInt() < json.get("rules").asInt());
    assertTrue(json.get("unfired").toString().contains("O2 EnableAWSOrganizationsAccess turns access on"), "the tour shares no organization");
  }

  @Test
  void coverageWithoutAFormatLeavesThePathAPath() {
    assertEquals(0, Main.run("test", "--coverage", "fixtures/tour"));
    String s = out.toString();
    assertTrue(s.strip().endsWith("5 passed, 0 failed"), "only the tour ran: " + s.substring(Math.max(0, s.length() - 200)));
    assertTrue(s.contains("never fired: O2 EnableAWSOrganizationsAccess turns access on"), "text coverage of the tour");
  }

  @Test
  void anUnknownFormatIsRefused(@TempDir Path dir) throws Exception {
    assertEquals(2, Main.run("test", "--coverage=xml", "fixtures/tour"));
    assertTrue(err.toString().contains("--coverage takes text or json, got 'xml'"), err.toString());
    assertEquals(2, Main.run("explain", "--format", "yaml", "--catalog", "fixtures/demo/catalog.json", "call.json"));
    assertTrue(err.toString().contains("--format takes text or json, got 'yaml'"), err.toString());
  }

  @Test
  void explainOfAnExplainImpactCallPrintsEachPathLostAndTheProvisionedProductsLeftWithoutOne(@TempDir Path dir) throws Exception {
    var fixture = dev.catalogpolicy.json.Json.parse(Files.readString(Path.of("fixtures/explain/org-wide-product-removal-lists-every-spoke.json")));
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(catalog, fixture.get("catalog").toString());
    Path call = dir.resolve("call.json");
    Files.writeString(call, "{\"call\": \"ExplainImpact\", \"caller\": {\"account\": \"111111111111\", \"region\": \"us-east-1\"},"
        + " \"input\": {\"call\": \"DisassociateProductFromPortfolio\", \"input\": {\"ProductId\": \"prod-vpc\", \"PortfolioId\": \"port-hub\"}}}");
    assertEquals(0, Main.run("explain", "--catalog", catalog.toString(), call.toString()));
    String s = out.toString();
    assertTrue(s.contains("path lost   222222222222 arn:aws:iam::222222222222:role/Developer port-hub/prod-vpc (IMPORTED)"), s);
    assertTrue(s.contains("path lost   333333333333 arn:aws:iam::333333333333:role/Operator port-ops-local/prod-vpc (LOCAL)"), s);
    assertTrue(s.contains("provisioned product left without a path pp-333-vpc"), s);
  }
}
