package dev.catalogpolicy.model;

import java.util.List;

/** An AWS organization, whether Service Catalog's Organizations access is enabled, its delegated admins. */
public record Organization(String id, String managementAccount, boolean serviceCatalogAccess,
                           List<String> delegatedAdmins) {
  public Organization {
    delegatedAdmins = List.copyOf(delegatedAdmins == null ? List.of() : delegatedAdmins);
  }

  public boolean isDelegatedAdmin(String account) {
    return delegatedAdmins.contains(account);
  }

  public boolean isAdmin(String account) {
    return managementAccount.equals(account) || isDelegatedAdmin(account);
  }

  public boolean hasDelegatedAdmins() {
    return !delegatedAdmins.isEmpty();
  }

  public Organization withAccess(boolean enabled) {
    return new Organization(id, managementAccount, enabled, delegatedAdmins);
  }

  public Organization withDelegatedAdmins(List<String> admins) {
    return new Organization(id, managementAccount, serviceCatalogAccess, admins);
  }
}
