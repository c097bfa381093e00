package dev.catalogpolicy.scenario;

import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CallParserTest {
  private static Call parse(String json) {
    return CallParser.parse(Json.parse(json), "$");
  }

  private static BadRequest fault(String json) {
    return assertThrows(BadRequest.class, () -> parse(json));
  }

  private static final String ADMIN = "\"caller\": {\"account\": \"111111111111\", \"region\": \"us-east-1\"}";

  @Test
  void aPastedAwsInputIsAccepted() {
    Call c = parse("{\"call\": \"CreatePortfolioShare\", " + ADMIN + ", \"input\": {\"PortfolioId\": \"p\","
        + " \"AccountId\": \"222222222222\", \"AcceptLanguage\": \"en\"}}");
    assertEquals("p", c.str("PortfolioId"));
    assertEquals("en", c.str("AcceptLanguage"), "unknown input keys are kept and ignored");
  }

  @Test
  void unknownCallIsA400AtItsPath() {
    BadRequest e = fault("{\"call\": \"SharePortfolio\", " + ADMIN + "}");
    assertEquals("$.call", e.path());
    assertTrue(e.getMessage().contains("CreatePortfolioShare"), "lists the known calls");
  }

  @Test
  void awsLengthLimitsAreA400AndTheMessageNeverEchoesTheWholeValue() {
    String longName = "x".repeat(101), huge = "y".repeat(4 << 20);
    BadRequest e = fault("{\"call\": \"CreatePortfolio\", " + ADMIN + ", \"input\": {\"Id\": \"p\", \"DisplayName\": \""
        + longName + "\"}}");
    assertEquals("$.input.DisplayName", e.path());
    assertTrue(e.getMessage().contains("at most 100 characters") && e.getMessage().contains("101"), e.getMessage());
    e = fault("{\"call\": \"CreatePortfolio\", " + ADMIN + ", \"input\": {\"Id\": \"p\", \"DisplayName\": \"" + huge + "\"}}");
    assertTrue(e.getMessage().length() < 300, "a 4 MiB value is not echoed back: " + e.getMessage().length() + " characters");
    assertEquals("p", parse("{\"call\": \"CreatePortfolio\", " + ADMIN + ", \"input\": {\"Id\": \"p\", \"DisplayName\": \""
        + "x".repeat(100) + "\"}}").str("Id"), "100 characters are allowed");
    e = fault("{\"call\": \"ProvisionProduct\", \"caller\": {\"account\": \"111111111111\", \"region\": \"us-east-1\","
        + " \"principal\": \"arn:aws:iam::111111111111:role/Dev\"}, \"input\": {\"ProductId\": \"prod\","
        + " \"ProvisioningArtifactId\": \"v1\", \"ProvisionedProductName\": \"n\", \"ProvisioningParameters\":"
        + " [{\"Key\": \"k\", \"Value\": \"" + "v".repeat(4097) + "\"}]}}");
    assertEquals("$.input.ProvisioningParameters[0].Value", e.path());
    e = fault("{\"call\": \"" + huge + "\", " + ADMIN + "}");
    assertTrue(e.getMessage().length() < 2000, "an unknown call's name is cut: " + e.getMessage().length() + " characters");
  }

  @Test
  void missingRequiredInput() {
    assertEquals("$.input.PortfolioId", fault("{\"call\": \"AcceptPortfolioShare\", " + ADMIN + ", \"input\": {}}").path());
  }

  @Test
  void enumValuesOutsideAwsEnums() {
    BadRequest e = fault("{\"call\": \"AcceptPortfolioShare\", " + ADMIN
        + ", \"input\": {\"PortfolioId\": \"p\", \"PortfolioShareType\": \"SHARED\"}}");
    assertEquals("$.input.PortfolioShareType", e.path());
    e = fault("{\"call\": \"CreatePortfolioShare\", " + ADMIN
        + ", \"input\": {\"PortfolioId\": \"p\", \"OrganizationNode\": {\"Type\": \"TEAM\", \"Value\": \"x\"}}}");
    assertEquals("$.input.OrganizationNode.Type", e.path());
  }

  @Test
  void callerAccountMustBe12Digits() {
    assertEquals("$.caller.account", fault("{\"call\": \"SearchProducts\", \"caller\": {\"account\": \"1234\", \"region\": \"r\"}}").path());
    assertEquals("$.caller", fault("{\"call\": \"SearchProducts\"}").path());
  }

  @Test
  void endUserCallsNeedAPrincipal() {
    assertEquals("$.caller.principal", fault("{\"call\": \"SearchProducts\", " + ADMIN + "}").path());
  }

  @Test
  void wrongTypes() {
    assertEquals("$.input.SharePrincipals", fault("{\"call\": \"CreatePortfolioShare\", " + ADMIN
        + ", \"input\": {\"PortfolioId\": \"p\", \"AccountId\": \"222222222222\", \"SharePrincipals\": [1]}}").path());
    assertEquals("$.input", fault("{\"call\": \"DeletePortfolio\", " + ADMIN + ", \"input\": []}").path());
    assertEquals("$.input.ProvisioningParameters[0].Key", fault("{\"call\": \"ProvisionProduct\", \"caller\": "
        + "{\"account\": \"111111111111\", \"region\": \"us-east-1\", \"principal\": \"arn:aws:iam::111111111111:role/A\"},"
        + " \"input\": {\"ProductId\": \"x\", \"ProvisioningArtifactId\": \"v\", \"ProvisionedProductName\": \"n\","
        + " \"ProvisioningParameters\": [{\"Value\": \"1\"}]}}").path());
  }

  @Test
  void constraintParametersAsAnAwsJsonStringBecomeAnObject() {
    Call c = parse("{\"call\": \"CreateConstraint\", " + ADMIN + ", \"input\": {\"Id\": \"c\", \"PortfolioId\": \"p\","
        + " \"ProductId\": \"x\", \"Type\": \"LAUNCH\", \"Parameters\": \"{\\\"RoleArn\\\": \\\"arn:aws:iam::1:role/R\\\"}\"}}");
    assertEquals("arn:aws:iam::1:role/R", c.str("Parameters.RoleArn"));
  }

  @Test
  void explainImpactChecksTheCallItExplains() {
    BadRequest e = fault("{\"call\": \"ExplainImpact\", " + ADMIN + ", \"input\": {\"call\": \"DeletePortfolio\", \"input\": {}}}");
    assertEquals("$.input.input.Id", e.path());
    Call c = parse("{\"call\": \"ExplainImpact\", " + ADMIN + ", \"input\": {\"call\": \"DeletePortfolio\", \"input\": {\"Id\": \"p\"}}}");
    assertTrue(c.explained().isDryRun());
    assertEquals("111111111111", c.explained().getAccount(), "the explained call inherits the caller");
  }
}
