package dev.catalogpolicy.scenario;

import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ExpectationTest {
  @Test
  void unknownKeysAreAnError() {
    BadRequest e = assertThrows(BadRequest.class, () -> Expectation.parse(Json.parse("{\"decison\": \"ALLOW\"}"), "$.expect"));
    assertEquals("$.expect.decison", e.path());
  }

  @Test
  void aScenarioWithABadStepNamesTheStep() {
    BadRequest e = assertThrows(BadRequest.class, () -> ScenarioParser.parse("{\"steps\": [{\"call\": \"SearchProducts\","
        + " \"caller\": {\"account\": \"111111111111\", \"region\": \"us-east-1\", \"principal\": \"arn:aws:iam::111111111111:role/A\"}},"
        + " {\"call\": \"CreatePortfolio\", \"caller\": {\"account\": \"111111111111\", \"region\": \"us-east-1\"},"
        + " \"input\": {\"Id\": \"p\"}}]}"));
    assertEquals("$.steps[1].input.DisplayName", e.path());
  }

  @Test
  void anUnknownImpactFieldIsAnError() {
    BadRequest e = assertThrows(BadRequest.class,
        () -> Expectation.parse(Json.parse("{\"impact\": {\"pathLost\": []}}"), "$.expect"));
    assertEquals("$.expect.impact.pathLost", e.path());
  }

  @Test
  void impactMatchesPartiallyListedItemsMustBeAmongAndAnEmptyListMeansNone() {
    var actual = Json.parse("{\"pathsLost\": [{\"account\": \"1\", \"pathId\": \"p\", \"launchRoleArn\": null},"
        + " {\"account\": \"2\", \"pathId\": \"q\", \"launchRoleArn\": null}], \"pathsGained\": [], \"principalsChecked\": 2}");
    assertEquals(java.util.List.of(), PartialMatch.mismatches(
        Json.parse("{\"pathsLost\": [{\"pathId\": \"q\"}, {\"account\": \"1\", \"launchRoleArn\": null}], \"pathsGained\": []}"),
        actual, "impact"));
    assertEquals(1, PartialMatch.mismatches(Json.parse("{\"pathsLost\": [{\"pathId\": \"r\"}]}"), actual, "impact").size());
    assertEquals(1, PartialMatch.mismatches(Json.parse("{\"pathsLost\": []}"), actual, "impact").size(), "[] means none");
    assertEquals(1, PartialMatch.mismatches(Json.parse("{\"principalsChecked\": 3}"), actual, "impact").size());
    assertEquals(1, PartialMatch.mismatches(Json.parse("{\"pathsLost\": [{\"acount\": \"1\"}]}"), actual, "impact").size(),
        "a misspelt field never matches");
  }
}
