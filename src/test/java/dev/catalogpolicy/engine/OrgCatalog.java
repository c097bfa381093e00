package dev.catalogpolicy.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.*;

import java.util.List;
import java.util.Map;

/**
 * An organization-sized catalog for measuring the engine (development only; the {@code generate}
 * command is the supported generator). A hub (the management account) owns {@code portfolios}
 * portfolios of {@code products} products each, every one shared with the whole organization and
 * imported by every spoke; every product has a launch constraint. Each spoke sits in one of 50 OUs
 * (two levels), lists two roles, associates its Developer role with five imported portfolios and
 * with a local portfolio that took three imported products, and runs one provisioned product.
 */
final class OrgCatalog {
  static final String HUB = "100000000000";
  static final String ORG = "o-big";
  static final String REGION = "us-east-1";
  static final int SPOKE_PORTFOLIOS = 5;

  private OrgCatalog() {}

  static String spoke(int i) {
    return String.valueOf(200000000000L + i);
  }

  static String portfolio(int p) {
    return String.format("port-hub-%02d", p);
  }

  static String product(int p, int k) {
    return String.format("prod-%02d-%03d", p, k);
  }

  static String developer(String account) {
    return "arn:aws:iam::" + account + ":role/Developer";
  }

  /** The imported portfolios spoke {@code i} grants its Developer role on. */
  static int grantedPortfolio(int i, int j, int portfolios) {
    return (i + j * 7) % portfolios;
  }

  static Catalog build(int accounts, int portfolios, int products) {
    Catalog.Builder b = Catalog.builder().rolesListed(true);
    b.add(new Organization(ORG, HUB, true, List.of()));
    b.add(new OrganizationalUnit("r-root", ORG, null));
    for (int t = 0; t < 10; t++) {
      b.add(new OrganizationalUnit("ou-" + t, ORG, "r-root"));
      for (int c = 0; c < 4; c++) b.add(new OrganizationalUnit("ou-" + t + "-" + c, ORG, "ou-" + t));
    }
    b.add(new Account(HUB, ORG, "r-root"));
    b.add(new Role("arn:aws:iam::" + HUB + ":role/SCLaunch"));
    for (int p = 0; p < portfolios; p++) {
      String port = portfolio(p);
      b.add(new Portfolio(port, HUB, REGION, "Hub " + p, null));
      b.add(new Share(port, Share.ORGANIZATION, ORG, false, false));
      for (int k = 0; k < products; k++) {
        String prod = product(p, k);
        b.add(new Product(prod, HUB, prod));
        b.add(new ProvisioningArtifact(prod, prod + "-v1", "v1", true));
        b.add(new ProvisioningArtifact(prod, prod + "-v2", "v2", true));
        b.add(new PortfolioProduct(port, prod, HUB, null));
        ObjectNode params = Json.MAPPER.createObjectNode().put("LocalRoleName", "SCLaunch");
        b.add(new Constraint("cons-" + prod, "LAUNCH", port, prod, HUB, params));
      }
    }
    for (int i = 0; i < accounts; i++) {
      String a = spoke(i);
      b.add(new Account(a, ORG, "ou-" + (i % 10) + "-" + (i / 10 % 4)));
      b.add(new Role(developer(a)));
      b.add(new Role("arn:aws:iam::" + a + ":role/SCLaunch"));
      for (int p = 0; p < portfolios; p++) b.add(new Import(portfolio(p), a, REGION, Import.AWS_ORGANIZATIONS));
      for (int j = 0; j < SPOKE_PORTFOLIOS; j++) {
        b.add(new PrincipalAssociation(portfolio(grantedPortfolio(i, j, portfolios)), a, developer(a), PrincipalAssociation.IAM));
      }
      String local = "port-" + a + "-local";
      b.add(new Portfolio(local, a, REGION, "Team", null));
      b.add(new PrincipalAssociation(local, a, developer(a), PrincipalAssociation.IAM));
      int src = grantedPortfolio(i, 0, portfolios);
      for (int k = 0; k < 3; k++) {
        b.add(new PortfolioProduct(local, product(src, (i + k) % products), a, portfolio(src)));
      }
      b.add(new ProvisionedProduct("pp-" + a, "running-" + a, a, product(src, i % products), product(src, i % products) + "-v1",
          portfolio(src), developer(a), "AVAILABLE", Map.of()));
    }
    return b.build();
  }
}
