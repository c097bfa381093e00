package dev.catalogpolicy.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.json.Json;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Template constraints as platform teams write them (CloudFormation rule syntax), and provisioning
 * parameters that satisfy every one of them, so that generated launches are allowed (semantics L6).
 */
final class TemplateLibrary {
  private TemplateLibrary() {}

  /** Parameters that every rule below accepts, in key order; a launch gives them all (an unknown parameter fails closed). */
  static final Map<String, String> GOOD_PARAMETERS = Collections.unmodifiableMap(new TreeMap<>(Map.of(
      "Environment", "dev", "InstanceType", "t3.micro", "PubliclyAccessible", "false", "CostCenter", "cc-1234")));

  /** Rules of hub template constraints. */
  static final List<JsonNode> HUB = List.of(parse("""
      { "Rules": {
          "ProdInstanceTypes": {
            "RuleCondition": { "Fn::Equals": [ { "Ref": "Environment" }, "prod" ] },
            "Assertions": [ { "Assert": { "Fn::Contains": [ [ "m5.large", "m5.xlarge", "m5.2xlarge" ], { "Ref": "InstanceType" } ] },
                              "AssertDescription": "For prod, the instance type must be m5.large, m5.xlarge or m5.2xlarge" } ] },
          "DevInstanceTypes": {
            "RuleCondition": { "Fn::Equals": [ { "Ref": "Environment" }, "dev" ] },
            "Assertions": [ { "Assert": { "Fn::Contains": [ [ "t3.micro", "t3.small" ], { "Ref": "InstanceType" } ] },
                              "AssertDescription": "For dev, the instance type must be t3.micro or t3.small" } ] } } }
      """), parse("""
      { "Rules": {
          "KnownEnvironment": {
            "Assertions": [ { "Assert": { "Fn::Contains": [ [ "dev", "test", "prod" ], { "Ref": "Environment" } ] },
                              "AssertDescription": "Environment must be dev, test or prod" } ] },
          "NoPublicAccess": {
            "Assertions": [ { "Assert": { "Fn::Equals": [ { "Ref": "PubliclyAccessible" }, "false" ] },
                              "AssertDescription": "Resources must not be publicly accessible" } ] } } }
      """), parse("""
      { "Rules": {
          "CostCenterTagged": {
            "Assertions": [ { "Assert": { "Fn::Not": [ { "Fn::Equals": [ { "Ref": "CostCenter" }, "" ] } ] },
                              "AssertDescription": "A CostCenter must be given" } ] },
          "ProdNotPublic": {
            "RuleCondition": { "Fn::Or": [ { "Fn::Equals": [ { "Ref": "Environment" }, "prod" ] },
                                           { "Fn::Equals": [ { "Ref": "Environment" }, "test" ] } ] },
            "Assertions": [ { "Assert": { "Fn::Equals": [ { "Ref": "PubliclyAccessible" }, "false" ] },
                              "AssertDescription": "prod and test resources must not be public" } ] } } }
      """));

  /** Rules a spoke administrator puts on its local portfolio. */
  static final JsonNode LOCAL = parse("""
      { "Rules": {
          "TeamEnvironments": {
            "Assertions": [ { "Assert": { "Fn::Contains": [ [ "dev", "test" ], { "Ref": "Environment" } ] },
                              "AssertDescription": "This team launches dev and test environments only" } ] } } }
      """);

  private static JsonNode parse(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
