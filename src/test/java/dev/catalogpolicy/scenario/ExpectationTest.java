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
}
