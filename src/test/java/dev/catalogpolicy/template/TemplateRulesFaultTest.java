package dev.catalogpolicy.template;

import static dev.catalogpolicy.template.RuleTesting.rules;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every parse fault, with the rule it is in, its JSON path and its message. */
class TemplateRulesFaultTest {

    /** A document with one rule R whose only Assert is {@code assertJson}. */
    private static String inAssert(String assertJson) {
        return "{\"Rules\": {\"R\": {\"Assertions\": [{\"Assert\": " + assertJson + "}]}}}";
    }

    private static final String A = "$.Rules.R.Assertions[0].Assert";

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("[]", null, "$", "Parameters must be a JSON object, got an array of 0"),
                Arguments.of("{\"rules\": {}}", null, "$", "Parameters has no Rules"),
                Arguments.of("{\"Rules\": []}", null, "$.Rules", "Rules must be an object, got an array of 0"),
                Arguments.of("{\"Rules\": {}}", null, "$.Rules", "Rules declares no rules"),
                Arguments.of("{\"Rules\": {\"R\": \"x\"}}", "R", "$.Rules.R", "rule must be an object, got a string \"x\""),
                Arguments.of("{\"Rules\": {\"R\": {}}}", "R", "$.Rules.R", "rule has no Assertions"),
                Arguments.of("{\"Rules\": {\"R\": {\"Assertions\": []}}}", "R", "$.Rules.R.Assertions",
                        "Assertions must be a non-empty array, got an array of 0"),
                Arguments.of("{\"Rules\": {\"R\": {\"Assertions\": {\"Assert\": \"a\"}}}}", "R", "$.Rules.R.Assertions",
                        "Assertions must be a non-empty array, got an object"),
                Arguments.of("{\"Rules\": {\"R\": {\"Assertions\": [\"a\"]}}}", "R", "$.Rules.R.Assertions[0]",
                        "assertion must be an object, got a string \"a\""),
                Arguments.of("{\"Rules\": {\"R\": {\"Assertions\": [{\"Assert\": \"a\"}, {\"AssertDescription\": \"d\"}]}}}",
                        "R", "$.Rules.R.Assertions[1]", "assertion has no Assert"),
                Arguments.of("{\"Rules\": {\"R\": {\"Assertions\": [{\"Assert\": \"a\", \"AssertDescription\": 3}]}}}",
                        "R", "$.Rules.R.Assertions[0].AssertDescription", "AssertDescription must be a string, got a number"),
                Arguments.of("{\"Rules\": {\"R\": {\"Condition\": \"x\", \"Assertions\": [{\"Assert\": \"a\"}]}}}",
                        "R", "$.Rules.R.Condition", "unknown key Condition in rule; allowed: Assertions, RuleCondition"),
                Arguments.of("{\"Rules\": {\"R\": {\"Assertions\": [{\"Assert\": \"a\", \"Description\": \"d\"}]}}}",
                        "R", "$.Rules.R.Assertions[0].Description",
                        "unknown key Description in assertion; allowed: Assert, AssertDescription"),
                Arguments.of(inAssert("{\"Fn::Foo\": []}"), "R", A + ".Fn::Foo", "unknown function Fn::Foo"),
                Arguments.of(inAssert("{\"Fn::If\": [\"c\", \"a\", \"b\"]}"), "R", A + ".Fn::If", "unknown function Fn::If"),
                Arguments.of(inAssert("{\"Condition\": \"IsProd\"}"), "R", A + ".Condition", "unknown function Condition"),
                Arguments.of(inAssert("{}"), "R", A, "a function object must have exactly one key, got 0"),
                Arguments.of(inAssert("{\"Ref\": \"A\", \"Fn::Equals\": [\"a\", \"b\"]}"), "R", A,
                        "a function object must have exactly one key, got 2: Ref, Fn::Equals"),
                Arguments.of(inAssert("null"), "R", A, "expected a value, list or function, got null"),
                Arguments.of("{\"Rules\": {\"ProdInstanceType\": {\"Assertions\": [{\"Assert\": "
                                + "{\"Fn::And\": [{\"Fn::Equals\": [\"a\", \"a\"]}]}}]}}}", "ProdInstanceType",
                        "$.Rules.ProdInstanceType.Assertions[0].Assert.Fn::And", "Fn::And takes 2 to 10 conditions, got 1"),
                Arguments.of(inAssert("{\"Fn::Or\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}"),
                        "R", A + ".Fn::Or", "Fn::Or takes 2 to 10 conditions, got 11"),
                Arguments.of(inAssert("{\"Fn::And\": {\"Ref\": \"A\"}}"), "R", A + ".Fn::And",
                        "Fn::And takes an array of 2 to 10 conditions, got an object"),
                Arguments.of(inAssert("{\"Fn::Not\": [\"a\", \"b\"]}"), "R", A + ".Fn::Not",
                        "Fn::Not takes exactly 1 condition, got 2"),
                Arguments.of(inAssert("{\"Fn::Not\": {\"Fn::Equals\": [\"a\", \"b\"]}}"), "R", A + ".Fn::Not",
                        "Fn::Not takes an array of exactly 1 condition, got an object"),
                Arguments.of(inAssert("{\"Fn::Equals\": [\"a\", \"b\", \"c\"]}"), "R", A + ".Fn::Equals",
                        "Fn::Equals takes exactly 2 values, got 3"),
                Arguments.of(inAssert("{\"Fn::Contains\": [[\"a\"]]}"), "R", A + ".Fn::Contains",
                        "Fn::Contains takes exactly 2 arguments (a list and a string), got 1"),
                Arguments.of(inAssert("{\"Fn::EachMemberEquals\": \"a\"}"), "R", A + ".Fn::EachMemberEquals",
                        "Fn::EachMemberEquals takes an array of exactly 2 arguments (a list and a string), got a string \"a\""),
                Arguments.of(inAssert("{\"Fn::EachMemberIn\": []}"), "R", A + ".Fn::EachMemberIn",
                        "Fn::EachMemberIn takes exactly 2 arguments (two lists), got 0"),
                Arguments.of(inAssert("{\"Ref\": 5}"), "R", A + ".Ref",
                        "Ref takes a parameter name as a non-empty string, got a number"),
                Arguments.of(inAssert("{\"Ref\": \"\"}"), "R", A + ".Ref",
                        "Ref takes a parameter name as a non-empty string, got a string \"\""),
                Arguments.of(inAssert("{\"Ref\": \"AWS::StackName\"}"), "R", A + ".Ref",
                        "unsupported pseudo parameter AWS::StackName; supported: AWS::Region, AWS::AccountId, AWS::Partition"),
                Arguments.of(inAssert("{\"Fn::ValueOf\": [\"Subnet\"]}"), "R", A + ".Fn::ValueOf",
                        "Fn::ValueOf takes [parameterName, attribute], got an array of 1"),
                Arguments.of(inAssert("{\"Fn::ValueOf\": [\"Subnet\", {\"Ref\": \"Attr\"}]}"), "R", A + ".Fn::ValueOf[1]",
                        "Fn::ValueOf takes [parameterName, attribute] as non-empty strings, got an object"),
                Arguments.of(inAssert("{\"Fn::ValueOfAll\": \"AWS::EC2::Subnet::Id\"}"), "R", A + ".Fn::ValueOfAll",
                        "Fn::ValueOfAll takes [parameterType, attribute], got a string \"AWS::EC2::Subnet::Id\""),
                Arguments.of(inAssert("{\"Fn::RefAll\": [\"AWS::EC2::VPC::Id\"]}"), "R", A + ".Fn::RefAll",
                        "Fn::RefAll takes a parameter type as a non-empty string, got an array of 1"),
                Arguments.of("{\"Rules\": {\"R\": {\"RuleCondition\": {\"Fn::And\": [{\"Ref\": \"A\"}, {\"Fn::Not\": []}]},"
                                + " \"Assertions\": [{\"Assert\": \"a\"}]}}}", "R", "$.Rules.R.RuleCondition.Fn::And[1].Fn::Not",
                        "Fn::Not takes exactly 1 condition, got 0"),
                Arguments.of(inAssert("{\"Fn::Contains\": [[\"a\", {\"Fn::Bogus\": 1}], \"a\"]}"), "R",
                        A + ".Fn::Contains[0][1].Fn::Bogus", "unknown function Fn::Bogus"),
                Arguments.of("{\"Rules\": {\"ok\": {\"Assertions\": [{\"Assert\": \"a\"}]}, \"my.rule\": {\"Assertions\": 1}}}",
                        "my.rule", "$.Rules['my.rule'].Assertions", "Assertions must be a non-empty array, got a number"));
    }

    @ParameterizedTest(name = "{2}: {3}")
    @MethodSource("faults")
    void faultCarriesRulePathAndMessage(String document, String rule, String path, String message) {
        TemplateRulesException e = assertThrows(TemplateRulesException.class, () -> rules(document));
        assertAll(
                () -> assertEquals(rule, e.ruleName(), "rule name"),
                () -> assertEquals(path, e.jsonPath(), "json path"),
                () -> assertEquals(message, e.getMessage(), "message"));
    }
}
