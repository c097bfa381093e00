package dev.catalogpolicy.engine;

import dev.catalogpolicy.TestRules;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.catalog.CatalogJson;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.scenario.CallParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * AuditCatalog's launch-role findings (E2, L5), finding by finding: a RoleArn that does not exist, and
 * a LocalRoleName missing in each account whose users launch through the constraint (an association
 * on the portfolio, in an account that owns or imports it). The fixtures check the codes only; this
 * checks which constraint and which account each finding names, so a rule rewritten for speed must
 * name the same ones.
 */
class AuditLaunchRolesTest {
  private static final String HUB = "111111111111", HAS_ROLES = "222222222222", LACKS_ROLES = "333333333333",
      NO_IMPORT = "444444444444";

  private static final String CATALOG = """
      {
        "accounts": [ {"id": "%1$s"}, {"id": "%2$s"}, {"id": "%3$s"}, {"id": "%4$s"} ],
        "roles": [ {"arn": "arn:aws:iam::%1$s:role/SCLaunch"}, {"arn": "arn:aws:iam::%2$s:role/SCLaunch"},
                   {"arn": "arn:aws:iam::%2$s:role/Other"} ],
        "portfolios": [ {"id": "port-hub", "owner": "%1$s", "region": "us-east-1", "name": "Hub"} ],
        "products": [ %5$s ],
        "portfolioProducts": [ %6$s ],
        "shares": [ {"portfolio": "port-hub", "type": "ACCOUNT", "value": "%2$s"},
                    {"portfolio": "port-hub", "type": "ACCOUNT", "value": "%3$s"} ],
        "imports": [ {"portfolio": "port-hub", "account": "%2$s", "region": "us-east-1", "type": "IMPORTED"},
                     {"portfolio": "port-hub", "account": "%3$s", "region": "us-east-1", "type": "IMPORTED"} ],
        "principals": [
          {"portfolio": "port-hub", "account": "%1$s", "arn": "arn:aws:iam::%1$s:role/Admin", "type": "IAM"},
          {"portfolio": "port-hub", "account": "%2$s", "arn": "arn:aws:iam::%2$s:role/Dev", "type": "IAM"},
          {"portfolio": "port-hub", "account": "%2$s", "arn": "arn:aws:iam::%2$s:role/Ops", "type": "IAM"},
          {"portfolio": "port-hub", "account": "%3$s", "arn": "arn:aws:iam::%3$s:role/Dev", "type": "IAM"},
          {"portfolio": "port-hub", "account": "%3$s", "arn": "arn:aws:iam::%3$s:role/Ops", "type": "IAM"},
          {"portfolio": "port-hub", "account": "%4$s", "arn": "arn:aws:iam::%4$s:role/Dev", "type": "IAM"} ],
        "constraints": [
          {"id": "cons-a", "type": "LAUNCH", "portfolio": "port-hub", "product": "prod-a", "account": "%1$s",
           "parameters": {"LocalRoleName": "SCLaunch"}},
          {"id": "cons-b", "type": "LAUNCH", "portfolio": "port-hub", "product": "prod-b", "account": "%1$s",
           "parameters": {"LocalRoleName": "SCLaunch"}},
          {"id": "cons-c", "type": "LAUNCH", "portfolio": "port-hub", "product": "prod-c", "account": "%1$s",
           "parameters": {"LocalRoleName": "/Other"}},
          {"id": "cons-d", "type": "LAUNCH", "portfolio": "port-hub", "product": "prod-d", "account": "%1$s",
           "parameters": {"RoleArn": "arn:aws:iam::%1$s:role/Central"}} ]
      }""";

  private static String each(String format) {
    StringBuilder b = new StringBuilder();
    for (String p : List.of("a", "b", "c", "d")) b.append(b.isEmpty() ? "" : ", ").append(format.formatted(p));
    return b.toString();
  }

  @Test
  void eachMissingRoleIsReportedForEachConstraintAndAccountThatLaunchesThroughIt() {
    String products = each("{\"id\": \"prod-%1$s\", \"owner\": \"" + HUB + "\", \"name\": \"%1$s\","
        + " \"versions\": [{\"id\": \"pa-%1$s\", \"name\": \"v1\", \"active\": true}]}");
    String portfolioProducts = each("{\"portfolio\": \"port-hub\", \"product\": \"prod-%1$s\", \"account\": \"" + HUB + "\"}");
    Catalog catalog = Engine.settle(TestRules.get(), CatalogJson.read(Json.parse(
        CATALOG.formatted(HUB, HAS_ROLES, LACKS_ROLES, NO_IMPORT, products, portfolioProducts)), "$")).catalog();
    Call audit = CallParser.parse(Json.parse("{\"call\": \"AuditCatalog\", \"caller\": {\"account\": \"" + HUB
        + "\", \"region\": \"us-east-1\"}, \"input\": {}}"), "$");

    List<String> findings = Engine.evaluate(TestRules.get(), catalog, audit).decision().findings().stream()
        .filter(f -> f.code().equals("LAUNCH_ROLE_MISSING")).map(Answer.Finding::message).sorted().toList();

    // the account without the import is not one whose users launch through the portfolio; an account
    // with two associations is reported once per constraint; "/Other" names the role Other
    assertEquals(List.of(
        "launch constraint cons-a names local role SCLaunch, but account " + LACKS_ROLES + ", whose users launch"
            + " through portfolio port-hub, has no role arn:aws:iam::" + LACKS_ROLES + ":role/SCLaunch",
        "launch constraint cons-b names local role SCLaunch, but account " + LACKS_ROLES + ", whose users launch"
            + " through portfolio port-hub, has no role arn:aws:iam::" + LACKS_ROLES + ":role/SCLaunch",
        "launch constraint cons-c names local role /Other, but account " + HUB + ", whose users launch"
            + " through portfolio port-hub, has no role arn:aws:iam::" + HUB + ":role/Other",
        "launch constraint cons-c names local role /Other, but account " + LACKS_ROLES + ", whose users launch"
            + " through portfolio port-hub, has no role arn:aws:iam::" + LACKS_ROLES + ":role/Other",
        "launch constraint cons-d names role arn:aws:iam::" + HUB + ":role/Central, which does not exist"), findings);
  }
}
