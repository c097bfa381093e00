package dev.catalogpolicy.property;

import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.engine.Answer;
import dev.catalogpolicy.engine.Call;
import dev.catalogpolicy.engine.Decision;
import dev.catalogpolicy.model.*;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what, checked on every ALLOW against the catalog the call met: only the owner changes
 * a portfolio, its products, constraints and shares (O4, S2, A2, A3); a recipient associates only
 * its own principals; admin calls act in the caller's region (R2, I3); only a management account
 * manages its organization (O2, O3); a launch uses an active version, the launch role of L5 and a
 * fresh name (L4, L5); only the launcher or its account's administrator terminates (R7).
 */
final class AuthorityInvariants {
  private AuthorityInvariants() {}

  static void check(Catalog before, Call call, Decision d, Catalog after, List<Invariants.Violation> out) {
    if (!d.allowed()) return;
    Call c = call.explained() != null ? call.explained() : call;
    String name = c.getName();
    String me = c.getAccount();
    switch (name) {
      case "DeletePortfolio" -> portfolioOwner(before, c, c.str("Id"), out);
      case "AssociateProductWithPortfolio", "DisassociateProductFromPortfolio", "CreateConstraint", "CreatePortfolioShare",
           "UpdatePortfolioShare", "DeletePortfolioShare" -> portfolioOwner(before, c, c.str("PortfolioId"), out);
      case "DeleteConstraint" -> before.list(Constraint.class).stream().filter(k -> k.id().equals(c.str("Id"))).findFirst()
          .ifPresent(k -> portfolioOwner(before, c, k.portfolio(), out));
      case "AssociatePrincipalWithPortfolio", "DisassociatePrincipalFromPortfolio" -> {
        Optional<Portfolio> p = portfolio(before, c.str("PortfolioId"));
        boolean mine = p.isPresent() && (p.get().owner().equals(me) || before.list(Import.class).stream()
            .anyMatch(i -> i.portfolio().equals(p.get().id()) && i.account().equals(me) && c.getRegion().equals(i.region())));
        if (!mine) out.add(v("only-owner-changes", "A6 O4", me + " changed the principals of " + c.str("PortfolioId")
            + ", which it neither owns nor imports in " + c.getRegion()));
        inRegion(p, c, out);
      }
      case "CreateProvisioningArtifact", "UpdateProvisioningArtifact" -> {
        String owner = before.list(Product.class).stream().filter(p -> p.id().equals(c.str("ProductId"))).map(Product::owner)
            .findFirst().orElse(null);
        if (!me.equals(owner)) out.add(v("only-owner-changes", "A2", me + " changed versions of " + c.str("ProductId") + " of " + owner));
      }
      case "AcceptPortfolioShare", "RejectPortfolioShare" -> inRegion(portfolio(before, c.str("PortfolioId")), c, out);
      case "EnableAWSOrganizationsAccess", "DisableAWSOrganizationsAccess", "RegisterDelegatedAdministrator",
           "DeregisterDelegatedAdministrator" -> {
        if (before.list(Organization.class).stream().noneMatch(o -> o.managementAccount().equals(me))) {
          out.add(v("only-management-manages-organization", "O2", name + " allowed to " + me + ", no management account"));
        }
      }
      case "MoveAccount", "RemoveAccountFromOrganization" -> {
        String org = before.list(Account.class).stream().filter(a -> a.id().equals(c.str("AccountId"))).map(Account::organization)
            .filter(Objects::nonNull).findFirst().orElse(null);
        if (before.list(Organization.class).stream().noneMatch(o -> o.id().equals(org) && o.managementAccount().equals(me))) {
          out.add(v("only-management-manages-organization", "O3", name + " of " + c.str("AccountId") + " allowed to " + me));
        }
      }
      case "ProvisionProduct" -> launch(before, c, d, after, out);
      case "TerminateProvisionedProduct" -> terminate(before, c, out);
      default -> { }
    }
  }

  private static void portfolioOwner(Catalog before, Call c, String pid, List<Invariants.Violation> out) {
    Optional<Portfolio> p = portfolio(before, pid);
    if (p.isEmpty()) {
      out.add(v("only-owner-changes", "R1", c.getName() + " allowed on portfolio " + pid + ", which does not exist"));
      return;
    }
    if (!p.get().owner().equals(c.getAccount())) {
      out.add(v("only-owner-changes", "O4 S2 A2 A3", c.getName() + " of " + pid + " (owner " + p.get().owner() + ") allowed to "
          + c.getAccount()));
    }
    inRegion(p, c, out);
  }

  private static void inRegion(Optional<Portfolio> p, Call c, List<Invariants.Violation> out) {
    if (p.isPresent() && !p.get().region().equals(c.getRegion())) {
      out.add(v("no-path-crosses-regions", "R2 I3", c.getName() + " of " + p.get().id() + " (in " + p.get().region()
          + ") allowed from " + c.getRegion()));
    }
  }

  private static void launch(Catalog before, Call c, Decision d, Catalog after, List<Invariants.Violation> out) {
    String product = c.str("ProductId"), version = c.str("ProvisioningArtifactId");
    if (before.list(ProvisioningArtifact.class).stream().noneMatch(x -> x.product().equals(product) && x.id().equals(version) && x.active())) {
      out.add(v("launch-checks", "L4", "launch of " + product + " version " + version + ", which is not an active version"));
    }
    if (before.list(ProvisionedProduct.class).stream().anyMatch(pp -> pp.account().equals(c.getAccount())
        && pp.name().equals(c.str("ProvisionedProductName")))) {
      out.add(v("launch-checks", "L4", "a second provisioned product named " + c.str("ProvisionedProductName") + " in " + c.getAccount()));
    }
    Answer.Launch l = d.launch();
    if (l == null) {
      out.add(v("launch-checks", "L1 L5", "an allowed launch without its launch block"));
      return;
    }
    String role = l.launchRoleArn();
    switch (String.valueOf(l.launchRoleSource())) {
      case "NONE" -> {
        if (role != null || !c.getAccount().equals(l.billingAccount())) out.add(v("launch-role", "L5",
            "no launch constraint, yet role " + role + " and billing " + l.billingAccount()));
      }
      case "LocalRoleName" -> {
        if (role == null || !role.startsWith("arn:aws:iam::" + c.getAccount() + ":role/") || !c.getAccount().equals(l.billingAccount())) {
          out.add(v("launch-role", "L5", "LocalRoleName launch by " + c.getAccount() + " with role " + role + ", billing " + l.billingAccount()));
        }
      }
      case "RoleArn" -> {
        String acct = role == null ? null : role.split(":", 6).length == 6 ? role.split(":", 6)[4] : null;
        if (acct == null || !acct.equals(l.billingAccount())) out.add(v("launch-role", "L5", "RoleArn " + role + " billed to "
            + l.billingAccount()));
      }
      default -> out.add(v("launch-role", "L5", "launch role source " + l.launchRoleSource()));
    }
    if (!c.isDryRun() && after.list(ProvisionedProduct.class).stream().noneMatch(pp -> pp.account().equals(c.getAccount())
        && pp.name().equals(c.str("ProvisionedProductName")) && pp.product().equals(product) && Objects.equals(pp.path(), l.pathId()))) {
      out.add(v("launch-checks", "L4", "an allowed launch left no provisioned product " + c.str("ProvisionedProductName")
          + " on path " + l.pathId()));
    }
  }

  private static void terminate(Catalog before, Call c, List<Invariants.Violation> out) {
    String id = c.str("ProvisionedProductId"), name = c.str("ProvisionedProductName");
    Optional<ProvisionedProduct> pp = before.list(ProvisionedProduct.class).stream().filter(x -> x.account().equals(c.getAccount())
        && (id != null ? x.id().equals(id) : x.name().equals(name))).findFirst();
    if (pp.isEmpty()) {
      out.add(v("terminate-by-launcher", "R1 R7", "terminated " + (id != null ? id : name) + ", not a provisioned product of "
          + c.getAccount()));
      return;
    }
    if (c.getPrincipal() == null) return;
    Set<String> caller = new HashSet<>(c.getGroups());
    caller.add(c.getPrincipal());
    caller.add(roleOf(c.getPrincipal()));
    String by = pp.get().launchedBy();
    if (!caller.contains(by) && !caller.contains(roleOf(by))) {
      out.add(v("terminate-by-launcher", "R7", c.getPrincipal() + " terminated " + pp.get().id() + " launched by " + by));
    }
  }

  /** The role an assumed-role session acts as; the ARN itself otherwise. */
  static String roleOf(String arn) {
    if (arn == null) return null;
    var m = java.util.regex.Pattern.compile("arn:(aws[\\w-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+").matcher(arn);
    return m.matches() ? "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3) : arn;
  }

  private static Optional<Portfolio> portfolio(Catalog c, String id) {
    return c.list(Portfolio.class).stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private static Invariants.Violation v(String invariant, String rules, String message) {
    return new Invariants.Violation(invariant, rules, message);
  }
}
