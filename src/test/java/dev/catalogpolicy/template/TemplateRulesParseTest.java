package dev.catalogpolicy.template;

import static dev.catalogpolicy.template.RuleTesting.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalogpolicy.template.Expression.Comparison;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateRulesParseTest {
    static final String EXAMPLE = """
            {"Rules": {
              "ProdInstanceType": {
                "RuleCondition": {"Fn::Equals": [{"Ref": "Environment"}, "prod"]},
                "Assertions": [{"Assert": {"Fn::Contains": [["m1.large", "m1.xlarge"], {"Ref": "InstanceType"}]},
                                "AssertDescription": "For prod, the instance type must be m1.large or m1.xlarge"}]},
              "SubnetsInVPC": {
                "Assertions": [{"Assert": {"Fn::EachMemberEquals": [{"Fn::ValueOfAll": ["AWS::EC2::Subnet::Id", "VpcId"]}, {"Ref": "VpcId"}]},
                                "AssertDescription": "All subnets must be in the VPC"}]}},
             "Version": "ignored", "Other": {"Rules": "not these"}}
            """;

    @Test
    void parsesRulesInDocumentOrderWithTheirParts() {
        TemplateRules parsed = rules(EXAMPLE);

        assertEquals(List.of("ProdInstanceType", "SubnetsInVPC"), parsed.rules().stream().map(Rule::name).toList());
        Rule prod = parsed.rules().get(0);
        assertEquals(new Comparison(Comparison.Kind.EQUALS, new Expression.Ref("Environment"),
                new Expression.Literal("prod")), prod.condition());
        Assertion a = prod.assertions().get(0);
        assertEquals(0, a.index());
        assertEquals("For prod, the instance type must be m1.large or m1.xlarge", a.description());
        assertEquals(new Comparison(Comparison.Kind.CONTAINS,
                new Expression.ListLiteral(List.of(new Expression.Literal("m1.large"), new Expression.Literal("m1.xlarge"))),
                new Expression.Ref("InstanceType")), a.expression());

        Rule subnets = parsed.rule("SubnetsInVPC");
        assertNull(subnets.condition());
        Comparison each = assertInstanceOf(Comparison.class, subnets.assertions().get(0).expression());
        assertEquals(new Expression.ValueOfAll("AWS::EC2::Subnet::Id", "VpcId"), each.left());
    }

    @Test
    void documentOrderIsKeptNotSorted() {
        TemplateRules parsed = rules("""
                {"Rules": {"Zeta": {"Assertions": [{"Assert": {"Fn::Equals": ["a", "a"]}}]},
                           "Alpha": {"Assertions": [{"Assert": {"Fn::Equals": ["a", "a"]}}]},
                           "Mid": {"Assertions": [{"Assert": {"Fn::Equals": ["a", "a"]}}]}}}""");
        assertEquals(List.of("Zeta", "Alpha", "Mid"), parsed.rules().stream().map(Rule::name).toList());
    }

    @Test
    void describesOneLinePerAssertion() {
        TemplateRules parsed = rules(EXAMPLE);
        assertEquals("when Equals(Ref(Environment), \"prod\"): assert Contains([\"m1.large\", \"m1.xlarge\"], "
                + "Ref(InstanceType)) — For prod, the instance type must be m1.large or m1.xlarge",
                parsed.rules().get(0).describe());
        assertEquals("assert EachMemberEquals(ValueOfAll(AWS::EC2::Subnet::Id, VpcId), Ref(VpcId)) — "
                + "All subnets must be in the VPC", parsed.rules().get(1).describe());

        TemplateRules two = rules("""
                {"Rules": {"R": {"Assertions": [
                  {"Assert": {"Fn::Not": [{"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}]}},
                  {"Assert": {"Fn::EachMemberIn": [{"Fn::RefAll": "AWS::EC2::VPC::Id"}, ["vpc-1"]]}, "AssertDescription": "d"}]}}}""");
        assertEquals("assert Not(Equals(Ref(AWS::Region), \"us-east-1\"))\n"
                + "assert EachMemberIn(RefAll(AWS::EC2::VPC::Id), [\"vpc-1\"]) — d", two.rules().get(0).describe());
        assertEquals("R: assert Not(Equals(Ref(AWS::Region), \"us-east-1\"))\n"
                + "R: assert EachMemberIn(RefAll(AWS::EC2::VPC::Id), [\"vpc-1\"]) — d", two.describe());
    }

    @Test
    void acceptsParametersAsAJsonString() {
        TemplateRules fromString = TemplateRules.parse(new TextNode(EXAMPLE));
        assertEquals(rules(EXAMPLE).describe(), fromString.describe());
        assertEquals(rules(EXAMPLE).rules(), fromString.rules());
    }

    @Test
    void numbersAndBooleansAreStringLiterals() {
        Rule r = rules("""
                {"Rules": {"R": {"Assertions": [{"Assert": {"Fn::Contains": [[1, 2.5, true], {"Ref": "N"}]}}]}}}""")
                .rules().get(0);
        Comparison c = (Comparison) r.assertions().get(0).expression();
        assertEquals(new Expression.ListLiteral(List.of(new Expression.Literal("1"), new Expression.Literal("2.5"),
                new Expression.Literal("true"))), c.left());
        assertNull(r.assertions().get(0).description());
    }

    @Test
    void parsedRulesAreImmutable() {
        TemplateRules parsed = rules(EXAMPLE);
        assertThrows(UnsupportedOperationException.class, () -> parsed.rules().clear());
        assertThrows(UnsupportedOperationException.class, () -> parsed.rules().get(0).assertions().clear());
        Expression.ListLiteral list = (Expression.ListLiteral)
                ((Comparison) parsed.rules().get(0).assertions().get(0).expression()).left();
        assertThrows(UnsupportedOperationException.class, () -> list.items().clear());
    }

    @Test
    void invalidJsonStringIsAFaultAtTheRoot() {
        TemplateRulesException e = assertThrows(TemplateRulesException.class,
                () -> TemplateRules.parse(new TextNode("{\"Rules\": {")));
        assertNull(e.ruleName());
        assertEquals("$", e.jsonPath());
        assertEquals(true, e.getMessage().startsWith("Parameters is not valid JSON"), e.getMessage());
    }

    @Test
    void duplicateKeysInAJsonStringAreAFault() {
        TemplateRulesException e = assertThrows(TemplateRulesException.class, () -> TemplateRules.parse(
                new TextNode("{\"Rules\": {\"R\": {\"Assertions\": [{\"Assert\": \"a\"}]}, "
                        + "\"R\": {\"Assertions\": [{\"Assert\": \"b\"}]}}}")));
        assertEquals("$", e.jsonPath());
        assertEquals(true, e.getMessage().contains("Duplicate field 'R'"), e.getMessage());
    }

    @Test
    void trailingGarbageAndEmptyStringsAreFaults() {
        assertEquals("$", assertThrows(TemplateRulesException.class,
                () -> TemplateRules.parse(new TextNode(EXAMPLE + " {}"))).jsonPath());
        assertEquals("Parameters is an empty string", assertThrows(TemplateRulesException.class,
                () -> TemplateRules.parse(new TextNode("  "))).getMessage());
        assertEquals("Parameters is missing", assertThrows(TemplateRulesException.class,
                () -> TemplateRules.parse(null)).getMessage());
        assertEquals("Parameters must be a JSON object, got a string \"x\"", assertThrows(TemplateRulesException.class,
                () -> TemplateRules.parse(new TextNode("\"x\""))).getMessage());
    }

    @Test
    void exceptionToStringCarriesPathAndRule() {
        TemplateRulesException e = assertThrows(TemplateRulesException.class,
                () -> rules("{\"Rules\": {\"R\": {\"Assertions\": [{\"Assert\": {\"Fn::Nope\": 1}}]}}}"));
        assertEquals("dev.catalogpolicy.template.TemplateRulesException: at $.Rules.R.Assertions[0].Assert.Fn::Nope "
                + "(rule R): unknown function Fn::Nope", e.toString());
    }
}
