package dev.catalogpolicy.template;

import static dev.catalogpolicy.template.RuleTesting.check;
import static dev.catalogpolicy.template.RuleTesting.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalogpolicy.template.Outcome.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule flow (conditions, skipping, outcomes) and failing closed. */
class TemplateEvaluatorTest {
    /** The AWS documentation's instance types by environment. */
    static final TemplateRules BY_ENVIRONMENT = rules("""
            {"Rules": {
              "ProdInstanceType": {
                "RuleCondition": {"Fn::Equals": [{"Ref": "Environment"}, "prod"]},
                "Assertions": [{"Assert": {"Fn::Contains": [["m1.large", "m1.xlarge"], {"Ref": "InstanceType"}]},
                                "AssertDescription": "For prod, the instance type must be m1.large or m1.xlarge"}]},
              "TestInstanceType": {
                "RuleCondition": {"Fn::Equals": [{"Ref": "Environment"}, "test"]},
                "Assertions": [{"Assert": {"Fn::Contains": [["t2.micro", "t2.small"], {"Ref": "InstanceType"}]},
                                "AssertDescription": "For test, the instance type must be t2.micro or t2.small"}]}}}""");

    private static Evaluation byEnvironment(Map<String, String> parameters) {
        return TemplateEvaluator.evaluate(BY_ENVIRONMENT, EvaluationContext.builder().parameters(parameters).build());
    }

    private static List<Status> statuses(Evaluation e) {
        return e.outcomes().stream().map(Outcome::status).toList();
    }

    @ParameterizedTest
    @CsvSource({
        "prod, m1.large,  PASSED, SKIPPED, true",
        "prod, m1.xlarge, PASSED, SKIPPED, true",
        "prod, t2.micro,  FAILED, SKIPPED, false",
        "test, t2.micro,  SKIPPED, PASSED, true",
        "test, m1.large,  SKIPPED, FAILED, false",
        "dev,  m1.large,  SKIPPED, SKIPPED, true"})
    void instanceTypesByEnvironment(String env, String type, Status prod, Status test, boolean ok) {
        Evaluation e = byEnvironment(Map.of("Environment", env, "InstanceType", type));
        assertEquals(List.of(prod, test), statuses(e));
        assertEquals(ok, e.ok());
    }

    @Test
    void failedOutcomeCarriesRuleIndexDescriptionAndWhy() {
        Evaluation e = byEnvironment(Map.of("Environment", "prod", "InstanceType", "t2.micro"));
        assertEquals(new Outcome("ProdInstanceType", 0, Status.FAILED,
                "For prod, the instance type must be m1.large or m1.xlarge",
                "Contains([\"m1.large\",\"m1.xlarge\"], \"t2.micro\") is false"), e.failures().get(0));
        assertEquals(1, e.failures().size());
        assertTrue(e.unresolved().isEmpty());
    }

    @Test
    void skippedRuleIsOneOutcomeWithIndexMinusOne() {
        Outcome skipped = byEnvironment(Map.of("Environment", "dev", "InstanceType", "x")).outcomes().get(0);
        assertEquals(new Outcome("ProdInstanceType", -1, Status.SKIPPED, null,
                "RuleCondition is false: Equals(\"dev\", \"prod\") is false"), skipped);
    }

    @Test
    void unresolvedConditionMakesEveryAssertionUnresolved() {
        TemplateRules two = rules("""
                {"Rules": {"R": {"RuleCondition": {"Fn::Equals": [{"Ref": "Environment"}, "prod"]},
                  "Assertions": [{"Assert": {"Fn::Equals": ["a", "a"]}}, {"Assert": {"Fn::Equals": ["a", "a"]}, "AssertDescription": "d"}]}}}""");
        Evaluation e = TemplateEvaluator.evaluate(two, EvaluationContext.builder().build());
        assertEquals(List.of(
                new Outcome("R", 0, Status.UNRESOLVED, null, "RuleCondition is unresolved: parameter Environment was not given"),
                new Outcome("R", 1, Status.UNRESOLVED, "d", "RuleCondition is unresolved: parameter Environment was not given")),
                e.outcomes());
        assertFalse(e.ok());
        assertEquals(2, e.unresolved().size());
    }

    @Test
    void missingParameterInTheAssertIsUnresolvedNotPassed() {
        Evaluation e = byEnvironment(Map.of("Environment", "prod"));
        // R8: the test rule's condition is false, but its assertion names a parameter not given
        assertEquals(List.of(Status.UNRESOLVED, Status.UNRESOLVED), statuses(e));
        assertEquals("parameter InstanceType was not given", e.unresolved().get(0).message());
        assertFalse(e.ok());
    }

    @Test
    void unknownParameterAnywhereIsUnresolvedEvenWhenAnotherBranchWouldDecide() {
        Map<String, String> p = Map.of("Environment", "prod");
        String orTrue = "{\"Fn::Or\": [{\"Fn::Equals\": [{\"Ref\": \"Environment\"}, \"prod\"]}, "
                + "{\"Fn::Equals\": [{\"Ref\": \"Missing\"}, \"x\"]}]}";
        String andFalse = "{\"Fn::And\": [{\"Fn::Equals\": [{\"Ref\": \"Environment\"}, \"test\"]}, "
                + "{\"Fn::Equals\": [{\"Ref\": \"Missing\"}, \"x\"]}]}";
        String deep = "{\"Fn::Not\": [{\"Fn::Or\": [{\"Fn::Equals\": [\"a\", \"a\"]}, "
                + "{\"Fn::Contains\": [[\"a\", {\"Ref\": \"Missing\"}], \"a\"]}]}]}";
        for (String a : List.of(orTrue, andFalse, deep)) {
            Outcome o = check(a, p);
            assertEquals(Status.UNRESOLVED, o.status(), a);
            assertEquals("parameter Missing was not given", o.message(), a);
        }
    }

    @Test
    void unknownParameterInAConditionThatAnotherBranchWouldDecideIsStillUnresolved() {
        TemplateRules r = rules("""
                {"Rules": {"R": {"RuleCondition": {"Fn::And": [{"Fn::Equals": [{"Ref": "Environment"}, "test"]},
                                                               {"Fn::Equals": [{"Ref": "Tier"}, "web"]}]},
                  "Assertions": [{"Assert": {"Fn::Equals": ["a", "b"]}}]}}}""");
        Evaluation e = TemplateEvaluator.evaluate(r, EvaluationContext.builder().parameter("Environment", "prod").build());
        assertEquals(List.of(Status.UNRESOLVED), statuses(e), "a false branch must not skip the rule");
    }

    @Test
    void everyMissingThingIsReportedOnce() {
        Outcome o = check("{\"Fn::And\": [{\"Fn::Equals\": [{\"Ref\": \"A\"}, {\"Ref\": \"B\"}]}, "
                + "{\"Fn::Contains\": [[\"x\"], {\"Ref\": \"A\"}]}]}", Map.of());
        assertEquals("parameter A was not given; parameter B was not given", o.message());
    }

    @Test
    void nonConditionRuleConditionIsUnresolved() {
        TemplateRules r = rules("{\"Rules\": {\"R\": {\"RuleCondition\": {\"Ref\": \"Flag\"}, "
                + "\"Assertions\": [{\"Assert\": {\"Fn::Equals\": [\"a\", \"a\"]}}]}}}");
        Evaluation e = TemplateEvaluator.evaluate(r, EvaluationContext.builder().parameter("Flag", "false").build());
        assertEquals("RuleCondition is unresolved: RuleCondition, Ref(Flag), is the string \"false\", expected a condition",
                e.outcomes().get(0).message());
    }

    @Test
    void outcomesFollowRuleAndAssertionOrder() {
        TemplateRules r = rules("""
                {"Rules": {"B": {"Assertions": [{"Assert": {"Fn::Equals": ["a", "a"]}}, {"Assert": {"Fn::Equals": ["a", "b"]}},
                                                {"Assert": {"Fn::Equals": [{"Ref": "X"}, "b"]}}]},
                           "A": {"Assertions": [{"Assert": {"Fn::Equals": ["a", "a"]}}]}}}""");
        Evaluation e = TemplateEvaluator.evaluate(r, EvaluationContext.builder().build());
        assertEquals(List.of("B0", "B1", "B2", "A0"),
                e.outcomes().stream().map(o -> o.ruleName() + o.assertIndex()).toList());
        assertEquals(List.of(Status.PASSED, Status.FAILED, Status.UNRESOLVED, Status.PASSED), statuses(e));
        assertEquals(List.of(Status.FAILED), e.failures().stream().map(Outcome::status).toList());
        assertEquals(2, e.withStatus(Status.PASSED).size());
        assertThrows(UnsupportedOperationException.class, () -> e.outcomes().clear());
    }

    @Test
    void contextIsImmutableAndRejectsDuplicateResources() {
        Map<String, String> given = new java.util.HashMap<>(Map.of("A", "1"));
        EvaluationContext ctx = EvaluationContext.builder().parameters(given).parameter("B", null).build();
        given.put("C", "3");
        assertEquals(Map.of("A", "1"), ctx.parameters());
        assertThrows(UnsupportedOperationException.class, () -> ctx.parameters().put("D", "4"));
        assertEquals("aws", ctx.partition());
        assertNull(ctx.region());
        assertThrows(IllegalArgumentException.class, () -> EvaluationContext.builder()
                .resource("subnet-1", "AWS::EC2::Subnet::Id", Map.of())
                .resource("subnet-1", "AWS::EC2::Subnet::Id", Map.of("VpcId", "vpc-1")).build());
    }
}
