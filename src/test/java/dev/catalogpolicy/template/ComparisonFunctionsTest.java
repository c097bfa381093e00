package dev.catalogpolicy.template;

import static dev.catalogpolicy.template.RuleTesting.check;
import static dev.catalogpolicy.template.RuleTesting.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalogpolicy.template.Outcome.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fn::Equals, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn, with comma-separated values. */
class ComparisonFunctionsTest {
    static final String PROD_TYPES = "{\"Fn::Contains\": [[\"m1.large\", \"m1.xlarge\"], {\"Ref\": \"InstanceType\"}]}";
    static final String APPROVED_SUBNETS =
            "{\"Fn::EachMemberIn\": [{\"Ref\": \"Subnets\"}, [\"subnet-1\", \"subnet-2\", \"subnet-3\"]]}";

    @ParameterizedTest
    @CsvSource({"prod, PASSED", "Prod, FAILED", "'prod ', FAILED", "test, FAILED"})
    void equalsComparesStringsExactly(String env, Status expected) {
        assertEquals(expected, status("{\"Fn::Equals\": [{\"Ref\": \"Environment\"}, \"prod\"]}", Map.of("Environment", env)));
    }

    @Test
    void equalsComparesListsElementwiseSplittingAStringSide() {
        String eq = "{\"Fn::Equals\": [[\"a\", \"b\"], {\"Ref\": \"P\"}]}";
        assertEquals(Status.PASSED, status(eq, Map.of("P", "a, b")));
        assertEquals(Status.FAILED, status(eq, Map.of("P", "b,a")));
        assertEquals(Status.FAILED, status(eq, Map.of("P", "a,b,c")));
        assertEquals("Equals([\"a\",\"b\"], [\"a\",\"b\",\"c\"]) is false", check(eq, Map.of("P", "a,b,c")).message());
        // Two plain strings are compared as strings, commas and all.
        assertEquals(Status.FAILED, status("{\"Fn::Equals\": [{\"Ref\": \"P\"}, \"a,b\"]}", Map.of("P", "a, b")));
    }

    @Test
    void equalsOfConditionsIsUnresolved() {
        Outcome o = check("{\"Fn::Equals\": [{\"Fn::Equals\": [\"a\", \"a\"]}, \"true\"]}", Map.of());
        assertEquals(Status.UNRESOLVED, o.status());
        assertEquals("Fn::Equals argument 1, Equals(\"a\", \"a\"), is a condition, expected a string", o.message());
    }

    @ParameterizedTest
    @CsvSource({"m1.large, PASSED", "m1.xlarge, PASSED", "t2.micro, FAILED", "M1.LARGE, FAILED", "'m1.large,m1.xlarge', FAILED"})
    void containsInstanceTypesForProd(String type, Status expected) {
        assertEquals(expected, status(PROD_TYPES, Map.of("InstanceType", type)));
    }

    @Test
    void failedContainsSaysWhatDidNotHold() {
        assertEquals("Contains([\"m1.large\",\"m1.xlarge\"], \"t2.micro\") is false",
                check(PROD_TYPES, Map.of("InstanceType", "t2.micro")).message());
        assertEquals("Contains([\"m1.large\",\"m1.xlarge\"], \"m1.large\") is true",
                check(PROD_TYPES, Map.of("InstanceType", "m1.large")).message());
    }

    @Test
    void containsSplitsACommaSeparatedListArgument() {
        String c = "{\"Fn::Contains\": [{\"Ref\": \"Allowed\"}, {\"Ref\": \"InstanceType\"}]}";
        assertEquals(Status.PASSED, status(c, Map.of("Allowed", "t2.micro, t2.small", "InstanceType", "t2.small")));
        assertEquals(Status.FAILED, status(c, Map.of("Allowed", "t2.micro, t2.small", "InstanceType", "t2.large")));
    }

    @Test
    void containsNeedsAStringSecond() {
        Outcome o = check("{\"Fn::Contains\": [[\"a\"], [\"a\"]]}", Map.of());
        assertEquals(Status.UNRESOLVED, o.status());
        assertEquals("Fn::Contains argument 2, [\"a\"], is the list [\"a\"], expected a string", o.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "subnet-1 | PASSED",
        "subnet-1,subnet-3 | PASSED",
        "' subnet-1 , subnet-2 ' | PASSED",
        "subnet-1,subnet-9 | FAILED",
        "subnet-1, | FAILED",
        "'' | FAILED"})
    void eachMemberInSubnetsInAnApprovedList(String subnets, Status expected) {
        assertEquals(expected, status(APPROVED_SUBNETS, Map.of("Subnets", subnets)));
    }

    @Test
    void failedEachMemberInNamesTheStrangers() {
        assertEquals("EachMemberIn([\"subnet-1\",\"subnet-9\",\"x\"], [\"subnet-1\",\"subnet-2\",\"subnet-3\"]) is false "
                + "(not in the list: \"subnet-9\", \"x\")",
                check(APPROVED_SUBNETS, Map.of("Subnets", "subnet-1,subnet-9,x")).message());
    }

    @Test
    void eachMemberEqualsChecksEveryMember() {
        String e = "{\"Fn::EachMemberEquals\": [{\"Ref\": \"Zones\"}, \"us-east-1a\"]}";
        assertEquals(Status.PASSED, status(e, Map.of("Zones", "us-east-1a, us-east-1a")));
        Outcome failed = check(e, Map.of("Zones", "us-east-1a,us-east-1b"));
        assertEquals(Status.FAILED, failed.status());
        assertEquals("EachMemberEquals([\"us-east-1a\",\"us-east-1b\"], \"us-east-1a\") is false (not equal: \"us-east-1b\")",
                failed.message());
    }

    @Test
    void emptyListsAreVacuouslyTrueForEachMember() {
        Outcome equals = check("{\"Fn::EachMemberEquals\": [[], \"x\"]}", Map.of());
        assertEquals(Status.PASSED, equals.status());
        assertEquals("EachMemberEquals([], \"x\") is true (vacuously: the list is empty)", equals.message());
        assertEquals(Status.PASSED, status("{\"Fn::EachMemberIn\": [[], []]}", Map.of()));
        // ...but an empty parameter value is one empty member, not an empty list.
        assertEquals(Status.FAILED, status("{\"Fn::EachMemberEquals\": [{\"Ref\": \"P\"}, \"x\"]}", Map.of("P", "")));
    }

    @Test
    void listLiteralsMayHoldRefsButNotLists() {
        String c = "{\"Fn::Contains\": [[\"m1.large\", {\"Ref\": \"Extra\"}], {\"Ref\": \"InstanceType\"}]}";
        assertEquals(Status.PASSED, status(c, Map.of("Extra", "c5.large", "InstanceType", "c5.large")));
        Outcome nested = check("{\"Fn::Contains\": [[[\"a\"]], \"a\"]}", Map.of());
        assertEquals(Status.UNRESOLVED, nested.status());
        assertEquals("list item 1, [\"a\"], is the list [\"a\"], expected a string", nested.message());
    }

    @Test
    void eachMemberInNeedsLists() {
        Outcome o = check("{\"Fn::EachMemberIn\": [[\"a\"], {\"Fn::Equals\": [\"a\", \"a\"]}]}", Map.of());
        assertEquals(Status.UNRESOLVED, o.status());
        assertEquals("Fn::EachMemberIn argument 2, Equals(\"a\", \"a\"), is a condition, expected a list", o.message());
    }
}
