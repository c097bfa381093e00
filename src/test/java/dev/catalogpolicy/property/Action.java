package dev.catalogpolicy.property;

/**
 * One generated call, described by small numbers that {@link CallMaker} resolves against the
 * catalog of the moment: which call, who makes it, from which region, as which principal, which of
 * the catalog's resources it names ({@code a}, {@code b}, {@code c}) and which variant of its input
 * ({@code variant} 0-5 are well-formed requests, 6-7 name unknown resources or give bad values).
 */
record Action(Kind kind, Who who, boolean wrongRegion, int principal, int a, int b, int c, int variant) {

  /** Every call of api.md §1, and the Organizations calls of semantics O3. */
  enum Kind {
    CreatePortfolio, DeletePortfolio, CreateProduct, CreateProvisioningArtifact, UpdateProvisioningArtifact,
    AssociateProductWithPortfolio, DisassociateProductFromPortfolio, CreateConstraint, DeleteConstraint,
    CreatePortfolioShare, UpdatePortfolioShare, DeletePortfolioShare, AcceptPortfolioShare, RejectPortfolioShare,
    AssociatePrincipalWithPortfolio, DisassociatePrincipalFromPortfolio, EnableAWSOrganizationsAccess,
    DisableAWSOrganizationsAccess, RegisterDelegatedAdministrator, DeregisterDelegatedAdministrator, MoveAccount,
    RemoveAccountFromOrganization, ProvisionProduct, UpdateProvisionedProduct, TerminateProvisionedProduct,
    ListLaunchPaths, SearchProducts, DescribeProvisioningParameters, AuditCatalog, ExplainImpact
  }

  /** Who calls, relative to the resource the call names. */
  enum Who { OWNER, RECIPIENT, MANAGEMENT, DELEGATED_ADMIN, OUTSIDER, ANY }

  boolean invalid() {
    return variant >= 6;
  }

  @Override
  public String toString() {
    return kind + "(" + who + (wrongRegion ? ", wrong region" : "") + ", p" + principal + ", " + a + "/" + b + "/" + c
        + ", v" + variant + ")";
  }
}
