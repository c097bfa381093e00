package dev.catalogpolicy.template;

import static dev.catalogpolicy.template.RuleTesting.check;
import static dev.catalogpolicy.template.RuleTesting.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalogpolicy.template.Outcome.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fn::And, Fn::Or, Fn::Not. */
class LogicalFunctionsTest {
    // The AWS documentation's examples.
    static final String AND = """
            {"Fn::And": [{"Fn::Equals": ["sg-mysggroup", {"Ref": "ASecurityGroup"}]},
                         {"Fn::Contains": [["m1.large", "m1.small"], {"Ref": "InstanceType"}]}]}""";
    static final String OR = """
            {"Fn::Or": [{"Fn::Equals": ["sg-mysggroup", {"Ref": "ASecurityGroup"}]},
                        {"Fn::Contains": [["m1.large", "m1.small"], {"Ref": "InstanceType"}]}]}""";
    static final String NOT = """
            {"Fn::Not": [{"Fn::Equals": ["sg-mysggroup", {"Ref": "ASecurityGroup"}]}]}""";

    private static Map<String, String> params(String group, String type) {
        return Map.of("ASecurityGroup", group, "InstanceType", type);
    }

    @ParameterizedTest
    @CsvSource({
        "sg-mysggroup, m1.small,  PASSED, PASSED, FAILED",
        "sg-mysggroup, m1.xlarge, FAILED, PASSED, FAILED",
        "sg-other,     m1.large,  FAILED, PASSED, PASSED",
        "sg-other,     t2.micro,  FAILED, FAILED, PASSED"})
    void documentationExamples(String group, String type, Status and, Status or, Status not) {
        assertEquals(and, status(AND, params(group, type)), "And");
        assertEquals(or, status(OR, params(group, type)), "Or");
        assertEquals(not, status(NOT, params(group, type)), "Not");
    }

    @Test
    void failedAndNamesOnlyTheConditionsThatDidNotHold() {
        assertEquals("Contains([\"m1.large\",\"m1.small\"], \"m1.xlarge\") is false",
                check(AND, params("sg-mysggroup", "m1.xlarge")).message());
        assertEquals("(Equals(\"sg-mysggroup\", \"sg-other\") is false and "
                        + "Contains([\"m1.large\",\"m1.small\"], \"t2.micro\") is false)",
                check(AND, params("sg-other", "t2.micro")).message());
    }

    @Test
    void failedOrNamesEveryCondition() {
        assertEquals("(Equals(\"sg-mysggroup\", \"sg-other\") is false and "
                        + "Contains([\"m1.large\",\"m1.small\"], \"t2.micro\") is false)",
                check(OR, params("sg-other", "t2.micro")).message());
        assertEquals("Equals(\"sg-mysggroup\", \"sg-mysggroup\") is true",
                check(NOT, params("sg-mysggroup", "x")).message());
    }

    @ParameterizedTest
    @CsvSource({
        "prod, m1.large, us-east-1, PASSED",
        "prod, m1.large, eu-west-1, FAILED",
        "test, t2.micro, eu-west-1, PASSED",
        "test, m1.large, eu-west-1, FAILED",
        "dev,  t2.micro, us-east-1, FAILED"})
    void nestedAndOrNot(String env, String type, String region, Status expected) {
        // (prod and large and us-east-1) or (test and not large)
        String nested = """
                {"Fn::Or": [
                  {"Fn::And": [{"Fn::Equals": [{"Ref": "Environment"}, "prod"]},
                               {"Fn::Contains": [["m1.large", "m1.xlarge"], {"Ref": "InstanceType"}]},
                               {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}]},
                  {"Fn::And": [{"Fn::Equals": [{"Ref": "Environment"}, "test"]},
                               {"Fn::Not": [{"Fn::Contains": [["m1.large", "m1.xlarge"], {"Ref": "InstanceType"}]}]}]}]}""";
        EvaluationContext ctx = EvaluationContext.builder()
                .parameter("Environment", env).parameter("InstanceType", type).region(region).build();
        assertEquals(expected, status(nested, ctx));
    }

    @Test
    void tenConditionsAreAllowed() {
        String ten = "{\"Fn::And\": [" + "{\"Fn::Equals\": [\"a\", \"a\"]},".repeat(9) + "{\"Fn::Equals\": [\"a\", \"b\"]}]}";
        assertEquals(Status.FAILED, status(ten, Map.of()));
    }

    @Test
    void stringsWhereConditionsAreNeededAreUnresolved() {
        Outcome and = check("{\"Fn::And\": [\"true\", {\"Fn::Equals\": [\"a\", \"a\"]}]}", Map.of());
        assertEquals(Status.UNRESOLVED, and.status());
        assertEquals("Fn::And argument 1, \"true\", is the string \"true\", expected a condition", and.message());

        Outcome not = check("{\"Fn::Not\": [{\"Ref\": \"Flag\"}]}", Map.of("Flag", "false"));
        assertEquals(Status.UNRESOLVED, not.status());
        assertEquals("Fn::Not argument 1, Ref(Flag), is the string \"false\", expected a condition", not.message());

        Outcome or = check("{\"Fn::Or\": [[\"a\"], {\"Fn::Equals\": [\"a\", \"a\"]}]}", Map.of());
        assertEquals("Fn::Or argument 1, [\"a\"], is the list [\"a\"], expected a condition", or.message());
    }

    @Test
    void assertMustBeACondition() {
        Outcome literal = check("true", Map.of());
        assertEquals(Status.UNRESOLVED, literal.status());
        assertEquals("Assert, \"true\", is the string \"true\", expected a condition", literal.message());
    }
}
