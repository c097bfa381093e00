package dev.catalogpolicy.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of each call's input (AWS parameter names): what is required, which values an enum
 * takes, and whether the caller must name a principal. Shape only: whether a call is allowed is
 * for the rules to say.
 */
record CallSpec(List<String> required, List<String> optional, Map<String, Set<String>> enums, boolean endUser) {
  static final Set<String> CONSTRAINT_TYPES = Set.of("LAUNCH", "TEMPLATE", "NOTIFICATION", "RESOURCE_UPDATE", "STACKSET");
  static final Set<String> SHARE_TYPES = Set.of("IMPORTED", "AWS_SERVICECATALOG", "AWS_ORGANIZATIONS");
  static final Set<String> PRINCIPAL_TYPES = Set.of("IAM", "IAM_PATTERN");
  static final Set<String> NODE_TYPES = Set.of("ORGANIZATION", "ORGANIZATIONAL_UNIT", "ACCOUNT");

  private static CallSpec admin(List<String> required, List<String> optional) {
    return new CallSpec(required, optional, Map.of(), false);
  }

  private static CallSpec admin(List<String> required, List<String> optional, Map<String, Set<String>> enums) {
    return new CallSpec(required, optional, enums, false);
  }

  private static CallSpec user(List<String> required, List<String> optional) {
    return new CallSpec(required, optional, Map.of(), true);
  }

  static final List<String> SHARE_TARGET = List.of("AccountId", "OrganizationNode", "SharePrincipals", "ShareTagOptions");

  static final Map<String, CallSpec> CALLS = Map.ofEntries(
      Map.entry("CreatePortfolio", admin(List.of("Id", "DisplayName"), List.of("ProviderName", "Description"))),
      Map.entry("DeletePortfolio", admin(List.of("Id"), List.of())),
      Map.entry("CreateProduct", admin(List.of("Id", "Name"), List.of("ProvisioningArtifacts", "Owner"))),
      Map.entry("CreateProvisioningArtifact", admin(List.of("ProductId", "Id"), List.of("Name", "Active"))),
      Map.entry("UpdateProvisioningArtifact", admin(List.of("ProductId", "ProvisioningArtifactId"), List.of("Name", "Active"))),
      Map.entry("AssociateProductWithPortfolio", admin(List.of("ProductId", "PortfolioId"), List.of("SourcePortfolioId"))),
      Map.entry("DisassociateProductFromPortfolio", admin(List.of("ProductId", "PortfolioId"), List.of())),
      Map.entry("CreateConstraint", admin(List.of("Id", "PortfolioId", "ProductId", "Type", "Parameters"), List.of("Description"),
          Map.of("Type", CONSTRAINT_TYPES))),
      Map.entry("DeleteConstraint", admin(List.of("Id"), List.of())),
      Map.entry("CreatePortfolioShare", admin(List.of("PortfolioId"), SHARE_TARGET)),
      Map.entry("UpdatePortfolioShare", admin(List.of("PortfolioId"), SHARE_TARGET)),
      Map.entry("DeletePortfolioShare", admin(List.of("PortfolioId"), SHARE_TARGET)),
      Map.entry("AcceptPortfolioShare", admin(List.of("PortfolioId"), List.of("PortfolioShareType"),
          Map.of("PortfolioShareType", SHARE_TYPES))),
      Map.entry("RejectPortfolioShare", admin(List.of("PortfolioId"), List.of("PortfolioShareType"),
          Map.of("PortfolioShareType", SHARE_TYPES))),
      Map.entry("AssociatePrincipalWithPortfolio", admin(List.of("PortfolioId", "PrincipalARN", "PrincipalType"), List.of(),
          Map.of("PrincipalType", PRINCIPAL_TYPES))),
      Map.entry("DisassociatePrincipalFromPortfolio", admin(List.of("PortfolioId", "PrincipalARN"), List.of("PrincipalType"),
          Map.of("PrincipalType", PRINCIPAL_TYPES))),
      Map.entry("EnableAWSOrganizationsAccess", admin(List.of(), List.of())),
      Map.entry("DisableAWSOrganizationsAccess", admin(List.of(), List.of())),
      Map.entry("RegisterDelegatedAdministrator", admin(List.of("AccountId"), List.of("ServicePrincipal"))),
      Map.entry("DeregisterDelegatedAdministrator", admin(List.of("AccountId"), List.of("ServicePrincipal"))),
      Map.entry("MoveAccount", admin(List.of("AccountId", "DestinationParentId"), List.of("SourceParentId"))),
      Map.entry("RemoveAccountFromOrganization", admin(List.of("AccountId"), List.of())),
      Map.entry("ProvisionProduct", user(List.of("ProductId", "ProvisioningArtifactId", "ProvisionedProductName"),
          List.of("PathId", "ProvisioningParameters", "ProvisionToken"))),
      Map.entry("UpdateProvisionedProduct", user(List.of(), List.of("ProvisionedProductId", "ProvisionedProductName",
          "ProductId", "ProvisioningArtifactId", "PathId", "ProvisioningParameters", "UpdateToken"))),
      Map.entry("TerminateProvisionedProduct", admin(List.of(), List.of("ProvisionedProductId", "ProvisionedProductName",
          "TerminateToken"))),
      Map.entry("ListLaunchPaths", user(List.of("ProductId"), List.of())),
      Map.entry("SearchProducts", user(List.of(), List.of())),
      Map.entry("DescribeProvisioningParameters", user(List.of("ProductId", "ProvisioningArtifactId"), List.of("PathId"))),
      Map.entry("AuditCatalog", admin(List.of(), List.of())),
      Map.entry("ExplainImpact", admin(List.of("call"), List.of("caller", "input"))));

  /**
   * AWS's length limits of string inputs, in characters (Service Catalog and Organizations API
   * references): AWS answers a longer value with a ValidationException, this service with a 400.
   */
  private static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
      Map.entry("Id", 100), Map.entry("DisplayName", 100), Map.entry("ProviderName", 50),
      Map.entry("Description", 8191), Map.entry("Name", 8191), Map.entry("Owner", 8191),
      Map.entry("ProductId", 100), Map.entry("PortfolioId", 100), Map.entry("SourcePortfolioId", 100),
      Map.entry("ProvisioningArtifactId", 100), Map.entry("PathId", 100), Map.entry("ProvisionedProductId", 100),
      Map.entry("ProvisionedProductName", 128), Map.entry("PrincipalARN", 1000), Map.entry("ProvisionToken", 128),
      Map.entry("UpdateToken", 128), Map.entry("TerminateToken", 128), Map.entry("ServicePrincipal", 128),
      Map.entry("DestinationParentId", 100), Map.entry("SourceParentId", 100), Map.entry("AccountId", 12));

  /** A ProvisioningParameters entry: Key at most 1000 characters, Value at most 4096. */
  static final int MAX_PARAMETER_KEY = 1000, MAX_PARAMETER_VALUE = 4096;

  /** A ProvisioningArtifacts entry's Name (its Id is an id like any other). */
  static final int MAX_ARTIFACT_NAME = 8192;

  /** The longest string {@code call} takes as {@code key} (portfolio and constraint descriptions: 2000), or null. */
  static Integer maxLength(String call, String key) {
    if (key.equals("Description") && (call.equals("CreatePortfolio") || call.equals("CreateConstraint"))) return 2000;
    return MAX_LENGTH.get(key);
  }

  /** Inputs that are not strings: their JSON kind. */
  static final Map<String, String> KINDS = Map.of(
      "SharePrincipals", "boolean", "ShareTagOptions", "boolean", "Active", "boolean",
      "OrganizationNode", "object", "ProvisioningParameters", "array", "ProvisioningArtifacts", "array",
      "Parameters", "object-or-string", "call", "string", "caller", "object", "input", "object");
}
