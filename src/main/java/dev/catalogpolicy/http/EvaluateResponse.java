package dev.catalogpolicy.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.scenario.ScenarioRunner;
import dev.catalogpolicy.scenario.StepResult;

/** The answer of POST /v1/evaluate: each step's decision with its id and expectation, and a summary. */
final class EvaluateResponse {
  private EvaluateResponse() {}

  static ObjectNode of(ScenarioRunner.Run run) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode results = root.putArray("results");
    for (StepResult r : run.results()) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("id", r.step().id());
      o.put("call", r.step().call().getName());
      o.setAll((ObjectNode) Json.MAPPER.valueToTree(r.decision()));
      ObjectNode exp = o.putObject("expectation");
      exp.put("passed", r.passed());
      exp.set("mismatches", Json.MAPPER.valueToTree(r.mismatches()));
      results.add(o);
    }
    root.putObject("summary").put("steps", run.results().size()).put("passed", run.passed()).put("failed", run.failed());
    return root;
  }
}
