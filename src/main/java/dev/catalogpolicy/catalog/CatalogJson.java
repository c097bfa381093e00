package dev.catalogpolicy.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.*;

import static dev.catalogpolicy.json.Fields.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The catalog snapshot of api.md §3, read with JSON paths on every fault, and written back. */
public final class CatalogJson {
  private CatalogJson() {}

  public static Catalog read(JsonNode root, String path) {
    object(root, path);
    Catalog.Builder b = Catalog.builder();
    JsonNode policy = root.get("policy");
    if (policy != null && !policy.isNull()) {
      String pp = child(path, "policy");
      object(policy, pp);
      b.policy(new Policy(optionalBool(policy, "inheritImportedConstraintsIntoLocal", pp, false)));
    }
    JsonNode q = root.get("quotas");
    if (q != null && !q.isNull()) {
      String qp = child(path, "quotas");
      object(q, qp);
      Quotas d = Quotas.AWS_DEFAULTS;
      b.quotas(new Quotas(optionalInt(q, "productsPerPortfolio", qp, d.productsPerPortfolio()),
          optionalInt(q, "principalsPerPortfolio", qp, d.principalsPerPortfolio()),
          optionalInt(q, "patternPrincipalsPerPortfolio", qp, d.patternPrincipalsPerPortfolio()),
          optionalInt(q, "sharesPerPortfolio", qp, d.sharesPerPortfolio()),
          optionalInt(q, "portfoliosPerAccountRegion", qp, d.portfoliosPerAccountRegion()),
          optionalInt(q, "versionsPerProduct", qp, d.versionsPerProduct())));
    }
    b.rolesListed(root.has("roles") && !root.get("roles").isNull());
    optionalList(root, "organizations", path, (n, p) -> new Organization(requiredText(n, "id", p),
        requiredText(n, "managementAccount", p), optionalBool(n, "serviceCatalogAccess", p, false),
        optionalTextList(n, "delegatedAdmins", p))).forEach(b::add);
    optionalList(root, "organizationalUnits", path, (n, p) -> new OrganizationalUnit(requiredText(n, "id", p),
        requiredText(n, "organization", p), optionalText(n, "parent", p))).forEach(b::add);
    optionalList(root, "accounts", path, (n, p) -> new Account(requiredText(n, "id", p),
        optionalText(n, "organization", p), optionalText(n, "parent", p))).forEach(b::add);
    optionalList(root, "roles", path, (n, p) -> new Role(requiredText(n, "arn", p))).forEach(b::add);
    optionalList(root, "resources", path, (n, p) -> new Resource(requiredText(n, "id", p),
        requiredText(n, "type", p), optionalTextMap(n, "attributes", p))).forEach(b::add);
    optionalList(root, "portfolios", path, (n, p) -> new Portfolio(requiredText(n, "id", p),
        requiredText(n, "owner", p), requiredText(n, "region", p), optionalText(n, "name", p),
        optionalText(n, "copyOf", p))).forEach(b::add);
    optionalList(root, "products", path, (n, p) -> {
      Product product = new Product(requiredText(n, "id", p), requiredText(n, "owner", p), optionalText(n, "name", p));
      optionalList(n, "versions", p, (v, vp) -> new ProvisioningArtifact(product.id(), requiredText(v, "id", vp),
          optionalText(v, "name", vp), optionalBool(v, "active", vp, true))).forEach(b::add);
      return product;
    }).forEach(b::add);
    optionalList(root, "portfolioProducts", path, (n, p) -> new PortfolioProduct(requiredText(n, "portfolio", p),
        requiredText(n, "product", p), requiredText(n, "account", p), optionalText(n, "sourcePortfolio", p)))
        .forEach(b::add);
    optionalList(root, "constraints", path, (n, p) -> new Constraint(requiredText(n, "id", p),
        requiredText(n, "type", p), requiredText(n, "portfolio", p), requiredText(n, "product", p),
        requiredText(n, "account", p), ConstraintParameters.normalize(n.get("parameters")))).forEach(b::add);
    optionalList(root, "shares", path, (n, p) -> new Share(requiredText(n, "portfolio", p),
        requiredText(n, "type", p), requiredText(n, "value", p), optionalBool(n, "sharePrincipals", p, false),
        optionalBool(n, "shareTagOptions", p, false))).forEach(b::add);
    optionalList(root, "imports", path, (n, p) -> new Import(requiredText(n, "portfolio", p),
        requiredText(n, "account", p), optionalText(n, "region", p),
        n.hasNonNull("type") ? requiredText(n, "type", p) : Import.IMPORTED)).forEach(b::add);
    optionalList(root, "rejectedImports", path, (n, p) -> new ImportRejection(requiredText(n, "portfolio", p),
        requiredText(n, "account", p))).forEach(b::add);
    optionalList(root, "principals", path, (n, p) -> new PrincipalAssociation(requiredText(n, "portfolio", p),
        requiredText(n, "account", p), requiredText(n, "arn", p),
        n.hasNonNull("type") ? requiredText(n, "type", p) : PrincipalAssociation.IAM)).forEach(b::add);
    optionalList(root, "provisionedProducts", path, (n, p) -> new ProvisionedProduct(requiredText(n, "id", p),
        requiredText(n, "name", p), requiredText(n, "account", p), requiredText(n, "product", p),
        optionalText(n, "version", p), optionalText(n, "path", p), optionalText(n, "launchedBy", p),
        n.hasNonNull("status") ? requiredText(n, "status", p) : "AVAILABLE",
        optionalTextMap(n, "parameters", p))).forEach(b::add);
    optionalList(root, "removedProducts", path, (n, p) -> new RemovedProduct(requiredText(n, "portfolio", p),
        requiredText(n, "product", p))).forEach(b::add);
    return withImportRegions(b.build());
  }

  /** An import given without a region is in its portfolio's region. */
  private static Catalog withImportRegions(Catalog c) {
    var missing = c.list(Import.class).stream().filter(i -> i.region() == null).toList();
    if (missing.isEmpty()) return c;
    var b = c.toBuilder();
    for (Import i : missing) {
      String region = c.list(Portfolio.class).stream().filter(p -> p.id().equals(i.portfolio()))
          .map(Portfolio::region).findFirst().orElse(null);
      b.remove(i).add(new Import(i.portfolio(), i.account(), region, i.type()));
    }
    return b.build();
  }

  public static Catalog read(String text) {
    return read(Json.parse(text), "$");
  }

  public static ObjectNode write(Catalog c) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.putObject("policy").put("inheritImportedConstraintsIntoLocal", c.policy().inheritImportedConstraintsIntoLocal());
    root.set("quotas", Json.MAPPER.valueToTree(c.quotas()));
    ArrayNode orgs = root.putArray("organizations");
    c.list(Organization.class).forEach(o -> orgs.add(Json.MAPPER.valueToTree(o)));
    put(root, "organizationalUnits", c.list(OrganizationalUnit.class));
    put(root, "accounts", c.list(Account.class));
    if (c.rolesListed()) put(root, "roles", c.list(Role.class));
    put(root, "resources", c.list(Resource.class));
    put(root, "portfolios", c.list(Portfolio.class));
    ArrayNode products = root.putArray("products");
    // each product's versions in catalog order, grouped in one pass (a scan per product was quadratic)
    Map<String, List<ProvisioningArtifact>> versions = new HashMap<>();
    for (ProvisioningArtifact v : c.list(ProvisioningArtifact.class)) {
      versions.computeIfAbsent(v.product(), k -> new ArrayList<>()).add(v);
    }
    for (Product p : c.list(Product.class)) {
      ObjectNode pn = Json.MAPPER.valueToTree(p);
      ArrayNode vs = pn.putArray("versions");
      versions.getOrDefault(p.id(), List.of()).forEach(v ->
          vs.addObject().put("id", v.id()).put("name", v.name()).put("active", v.active()));
      products.add(pn);
    }
    put(root, "portfolioProducts", c.list(PortfolioProduct.class));
    put(root, "constraints", c.list(Constraint.class));
    put(root, "shares", c.list(Share.class));
    put(root, "imports", c.list(Import.class));
    put(root, "rejectedImports", c.list(ImportRejection.class));
    put(root, "principals", c.list(PrincipalAssociation.class));
    put(root, "provisionedProducts", c.list(ProvisionedProduct.class));
    put(root, "removedProducts", c.list(RemovedProduct.class));
    return root;
  }

  private static void put(ObjectNode root, String key, List<?> facts) {
    ArrayNode a = root.putArray(key);
    facts.forEach(f -> a.add(Json.MAPPER.valueToTree(f)));
  }

}
