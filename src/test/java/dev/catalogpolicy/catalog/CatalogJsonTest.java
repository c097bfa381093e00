package dev.catalogpolicy.catalog;

import dev.catalogpolicy.json.BadRequest;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.*;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CatalogJsonTest {
  @Test
  void demoCatalogRoundTrips() throws Exception {
    Catalog c = CatalogJson.read(Files.readString(Path.of("fixtures/demo/catalog.json")));
    assertTrue(c.rolesListed());
    assertEquals(2, c.list(ProvisioningArtifact.class).stream().filter(v -> v.product().equals("prod-vpc")).count());
    Catalog again = CatalogJson.read(Json.compact(CatalogJson.write(c)));
    assertEquals(CatalogJson.write(c), CatalogJson.write(again));
    for (Class<?> t : Catalog.FACT_TYPES) assertEquals(c.list(t), again.list(t), t.getSimpleName());
  }

  @Test
  void everyListMayBeAbsent() {
    Catalog c = CatalogJson.read("{}");
    assertEquals(0, c.size());
    assertEquals(Quotas.AWS_DEFAULTS, c.quotas());
    assertFalse(c.policy().inheritImportedConstraintsIntoLocal());
    assertFalse(c.rolesListed());
  }

  @Test
  void quotasNotGivenAreAwsDefaults() {
    Catalog c = CatalogJson.read("{\"quotas\": {\"sharesPerPortfolio\": 2}}");
    assertEquals(2, c.quotas().sharesPerPortfolio());
    assertEquals(150, c.quotas().productsPerPortfolio());
  }

  @Test
  void faultsNameTheirJsonPath() {
    BadRequest e = assertThrows(BadRequest.class, () -> CatalogJson.read("{\"portfolios\": [{\"id\": \"p\", \"owner\": 7}]}"));
    assertEquals("$.portfolios[0].owner", e.path());
    e = assertThrows(BadRequest.class, () -> CatalogJson.read("{\"shares\": [{\"portfolio\": \"p\", \"type\": \"ACCOUNT\"}]}"));
    assertEquals("$.shares[0].value", e.path());
    e = assertThrows(BadRequest.class, () -> CatalogJson.read("{\"accounts\": {}}"));
    assertEquals("$.accounts", e.path());
    // a resource is looked up by its type (Fn::ValueOf): one without a type is refused, not a failed launch (found by fuzzing)
    e = assertThrows(BadRequest.class, () -> CatalogJson.read("{\"resources\": [{\"id\": \"subnet-1\"}]}"));
    assertEquals("$.resources[0].type", e.path());
  }

  @Test
  void anImportWithoutRegionIsInItsPortfoliosRegion() {
    Catalog c = CatalogJson.read("{\"portfolios\": [{\"id\": \"p\", \"owner\": \"111111111111\", \"region\": \"eu-west-1\"}],"
        + "\"imports\": [{\"portfolio\": \"p\", \"account\": \"222222222222\"}]}");
    assertEquals(new Import("p", "222222222222", "eu-west-1", "IMPORTED"), c.list(Import.class).get(0));
  }

  @Test
  void constraintParametersGivenAsAJsonStringAreParsed() {
    Catalog c = CatalogJson.read("{\"constraints\": [{\"id\": \"c\", \"type\": \"LAUNCH\", \"portfolio\": \"p\", \"product\": \"x\","
        + "\"account\": \"111111111111\", \"parameters\": \"{\\\"LocalRoleName\\\": \\\"SCLaunch\\\"}\"}]}");
    assertEquals("SCLaunch", c.list(Constraint.class).get(0).param("LocalRoleName"));
  }
}
