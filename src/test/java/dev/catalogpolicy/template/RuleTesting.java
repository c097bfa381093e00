package dev.catalogpolicy.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Helpers shared by the template tests. */
final class RuleTesting {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RuleTesting() {
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + text, e);
        }
    }

    static TemplateRules rules(String parametersJson) {
        return TemplateRules.parse(json(parametersJson));
    }

    /** A one-rule, one-assertion constraint whose Assert is {@code assertJson}. */
    static TemplateRules single(String assertJson) {
        return rules("{\"Rules\": {\"R\": {\"Assertions\": [{\"Assert\": " + assertJson + "}]}}}");
    }

    /** Evaluates {@code assertJson} as the only assertion and returns its outcome. */
    static Outcome check(String assertJson, EvaluationContext ctx) {
        Evaluation e = TemplateEvaluator.evaluate(single(assertJson), ctx);
        assertEquals(1, e.outcomes().size(), e::toString);
        return e.outcomes().get(0);
    }

    static Outcome check(String assertJson, Map<String, String> parameters) {
        return check(assertJson, EvaluationContext.builder().parameters(parameters).build());
    }

    static Outcome.Status status(String assertJson, Map<String, String> parameters) {
        return check(assertJson, parameters).status();
    }

    static Outcome.Status status(String assertJson, EvaluationContext ctx) {
        return check(assertJson, ctx).status();
    }
}
