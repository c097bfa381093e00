package dev.catalogpolicy.template;

import static dev.catalogpolicy.template.RuleTesting.check;
import static dev.catalogpolicy.template.RuleTesting.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalogpolicy.template.Outcome.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ref (parameters and pseudo parameters), Fn::ValueOf, Fn::RefAll, Fn::ValueOfAll. */
class ParameterFunctionsTest {
    static final String SUBNET = "AWS::EC2::Subnet::Id";
    static final String VPC = "AWS::EC2::VPC::Id";
    static final String SUBNETS_IN_VPC =
            "{\"Fn::EachMemberEquals\": [{\"Fn::ValueOfAll\": [\"AWS::EC2::Subnet::Id\", \"VpcId\"]}, {\"Ref\": \"VpcId\"}]}";

    /** subnet-1, subnet-2 in vpc-1; subnet-3 in vpc-2; subnet-x has no VpcId; vpc-1 is IT's, vpc-2 is HR's. */
    private static EvaluationContext.Builder catalog() {
        return EvaluationContext.builder()
                .resource("subnet-1", SUBNET, Map.of("VpcId", "vpc-1", "AvailabilityZone", "us-east-1a"))
                .resource("subnet-2", SUBNET, Map.of("VpcId", "vpc-1", "AvailabilityZone", "us-east-1b"))
                .resource("subnet-3", SUBNET, Map.of("VpcId", "vpc-2"))
                .resource("subnet-x", SUBNET, Map.of())
                .resource("vpc-1", VPC, Map.of("Tags.Department", "IT"))
                .resource("vpc-2", VPC, Map.of("Tags.Department", "HR"));
    }

    private static EvaluationContext launch(String... keyValues) {
        EvaluationContext.Builder b = catalog();
        for (int i = 0; i < keyValues.length; i += 2) {
            b.parameter(keyValues[i], keyValues[i + 1]);
        }
        return b.build();
    }

    @Test
    void refReadsAParameterOrSaysItWasNotGiven() {
        String eq = "{\"Fn::Equals\": [{\"Ref\": \"Environment\"}, \"prod\"]}";
        assertEquals(Status.PASSED, status(eq, Map.of("Environment", "prod")));
        Outcome missing = check(eq, Map.of("environment", "prod"));
        assertEquals(Status.UNRESOLVED, missing.status());
        assertEquals("parameter Environment was not given", missing.message());
    }

    @Test
    void pseudoParameters() {
        EvaluationContext ctx = EvaluationContext.builder()
                .region("us-east-1").accountId("123456789012").parameter("AWS::Region", "eu-west-1").build();
        assertEquals(Status.PASSED, status("{\"Fn::Equals\": [{\"Ref\": \"AWS::Region\"}, \"us-east-1\"]}", ctx),
                "a provisioning parameter cannot stand in for a pseudo parameter");
        assertEquals(Status.PASSED, status("{\"Fn::Equals\": [{\"Ref\": \"AWS::AccountId\"}, \"123456789012\"]}", ctx));
        assertEquals(Status.PASSED, status("{\"Fn::Equals\": [{\"Ref\": \"AWS::Partition\"}, \"aws\"]}", ctx));
        EvaluationContext gov = EvaluationContext.builder().partition("aws-us-gov").build();
        assertEquals(Status.FAILED, status("{\"Fn::Equals\": [{\"Ref\": \"AWS::Partition\"}, \"aws\"]}", gov));
    }

    @Test
    void unknownPseudoParametersAreUnresolved() {
        Outcome o = check("{\"Fn::Contains\": [[\"us-east-1\"], {\"Ref\": \"AWS::Region\"}]}", EvaluationContext.builder().build());
        assertEquals(Status.UNRESOLVED, o.status());
        assertEquals("pseudo parameter AWS::Region is not known", o.message());
        assertEquals("pseudo parameter AWS::AccountId is not known",
                check("{\"Fn::Equals\": [{\"Ref\": \"AWS::AccountId\"}, \"1\"]}", EvaluationContext.builder().build()).message());
    }

    @ParameterizedTest
    @CsvSource({"subnet-1, vpc-1, PASSED", "subnet-3, vpc-1, FAILED", "subnet-3, vpc-2, PASSED"})
    void valueOfChosenSubnetIsInChosenVpc(String subnet, String vpc, Status expected) {
        String a = "{\"Fn::Equals\": [{\"Fn::ValueOf\": [\"Subnet\", \"VpcId\"]}, {\"Ref\": \"VpcId\"}]}";
        assertEquals(expected, status(a, launch("Subnet", subnet, "VpcId", vpc)));
    }

    @Test
    void valueOfSaysWhatWasMissing() {
        String a = "{\"Fn::Equals\": [{\"Fn::ValueOf\": [\"Subnet\", \"VpcId\"]}, \"vpc-1\"]}";
        assertEquals("parameter Subnet was not given", check(a, launch()).message());
        assertEquals("parameter Subnet names \"subnet-9\", which is not a known resource",
                check(a, launch("Subnet", "subnet-9")).message());
        assertEquals("resource subnet-x (AWS::EC2::Subnet::Id) has no attribute VpcId",
                check(a, launch("Subnet", "subnet-x")).message());
        assertEquals(Status.UNRESOLVED, check(a, launch("Subnet", "subnet-x")).status());
    }

    @Test
    void valueOfACommaListYieldsAList() {
        String a = "{\"Fn::EachMemberEquals\": [{\"Fn::ValueOf\": [\"Subnets\", \"VpcId\"]}, {\"Ref\": \"VpcId\"}]}";
        assertEquals(Status.PASSED, status(a, launch("Subnets", "subnet-1, subnet-2", "VpcId", "vpc-1")));
        Outcome failed = check(a, launch("Subnets", "subnet-1,subnet-3", "VpcId", "vpc-1"));
        assertEquals(Status.FAILED, failed.status());
        assertEquals("EachMemberEquals([\"vpc-1\",\"vpc-2\"], \"vpc-1\") is false (not equal: \"vpc-2\")", failed.message());
        assertEquals(Status.UNRESOLVED, status(a, launch("Subnets", "subnet-1,subnet-9", "VpcId", "vpc-1")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "subnet-1,subnet-2 | subnet-1 | vpc-1 | PASSED",
        "subnet-1,subnet-3 | subnet-2 | vpc-1 | FAILED",
        "subnet-3          | subnet-3 | vpc-2 | PASSED",
        "subnet-1          | subnet-3 | vpc-1 | FAILED"})
    void allSubnetsInTheChosenVpc(String subnets, String dbSubnet, String vpc, Status expected) {
        EvaluationContext ctx = launch("AppSubnets", subnets, "DbSubnet", dbSubnet, "VpcId", vpc, "Environment", "prod");
        assertEquals(expected, status(SUBNETS_IN_VPC, ctx));
    }

    @Test
    void valueOfAllIsUnresolvedForASubnetItCannotResolve() {
        Outcome unknown = check(SUBNETS_IN_VPC, launch("Subnets", "subnet-1,subnet-9", "VpcId", "vpc-1"));
        assertEquals(Status.UNRESOLVED, unknown.status());
        assertEquals("parameter Subnets names \"subnet-9\", which is not a known AWS::EC2::Subnet::Id", unknown.message());

        Outcome noAttribute = check(SUBNETS_IN_VPC, launch("Subnets", "subnet-x", "VpcId", "vpc-1"));
        assertEquals(Status.UNRESOLVED, noAttribute.status());
        assertEquals("resource subnet-x (AWS::EC2::Subnet::Id) has no attribute VpcId", noAttribute.message());
    }

    @Test
    void documentationExampleEveryVpcTaggedIT() {
        String a = "{\"Fn::EachMemberEquals\": [{\"Fn::ValueOfAll\": [\"AWS::EC2::VPC::Id\", \"Tags.Department\"]}, \"IT\"]}";
        assertEquals(Status.PASSED, status(a, launch("VpcId", "vpc-1", "Subnet", "subnet-3")));
        assertEquals(Status.FAILED, status(a, launch("VpcId", "vpc-1", "OtherVpc", "vpc-2")));
    }

    @Test
    void documentationExampleSubnetsInTheChosenVpcs() {
        String a = "{\"Fn::EachMemberIn\": [{\"Fn::ValueOfAll\": [\"AWS::EC2::Subnet::Id\", \"VpcId\"]}, "
                + "{\"Fn::RefAll\": \"AWS::EC2::VPC::Id\"}]}";
        assertEquals(Status.PASSED, status(a, launch("Subnets", "subnet-1,subnet-3", "Vpcs", "vpc-1,vpc-2")));
        Outcome failed = check(a, launch("Subnets", "subnet-1,subnet-3", "Vpc", "vpc-1"));
        assertEquals(Status.FAILED, failed.status());
        assertEquals("EachMemberIn([\"vpc-1\",\"vpc-2\"], [\"vpc-1\"]) is false (not in the list: \"vpc-2\")", failed.message());
    }

    @Test
    void refAllListsEveryMemberOfParametersInferredToBeOfTheType() {
        String approved = "{\"Fn::EachMemberIn\": [{\"Fn::RefAll\": \"AWS::EC2::VPC::Id\"}, [\"vpc-1\"]]}";
        assertEquals(Status.PASSED, status(approved, launch("Vpc", "vpc-1", "Subnet", "subnet-3", "Name", "vpc-2x")));
        assertEquals(Status.FAILED, status(approved, launch("Vpc", "vpc-1", "Backup", "vpc-2")));
        // A member naming no known VPC still counts, because another member of its parameter is a VPC.
        Outcome stranger = check(approved, launch("Vpcs", "vpc-1,vpc-404"));
        assertEquals(Status.FAILED, stranger.status());
        assertEquals("EachMemberIn([\"vpc-1\",\"vpc-404\"], [\"vpc-1\"]) is false (not in the list: \"vpc-404\")",
                stranger.message());
    }

    @Test
    void refAllWithNoParameterOfTheTypeIsAnEmptyList() {
        String count = "{\"Fn::Equals\": [{\"Fn::RefAll\": \"AWS::EC2::VPC::Id\"}, []]}";
        assertEquals(Status.PASSED, status(count, launch("Subnet", "subnet-1", "Vpc", "vpc-404")));
        assertEquals(Status.PASSED, status(
                "{\"Fn::EachMemberIn\": [{\"Fn::RefAll\": \"AWS::EC2::VPC::Id\"}, [\"vpc-1\"]]}", launch("Subnet", "subnet-1")),
                "vacuously true: documented limitation of type inference");
    }
}
