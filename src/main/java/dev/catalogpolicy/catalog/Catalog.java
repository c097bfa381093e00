package dev.catalogpolicy.catalog;

import dev.catalogpolicy.model.*;

import java.util.*;
import java.util.stream.Stream;

/**
 * The whole state of a catalog as immutable facts. A new Catalog is made by applying the added and
 * removed facts of a decision; nothing here decides what changes.
 */
public final class Catalog {
  /** Fact types in snapshot order. */
  public static final List<Class<?>> FACT_TYPES = List.of(
      Organization.class, OrganizationalUnit.class, Account.class, Role.class, Resource.class,
      Portfolio.class, Product.class, ProvisioningArtifact.class, PortfolioProduct.class, Constraint.class,
      Share.class, Import.class, ImportRejection.class, PrincipalAssociation.class, ProvisionedProduct.class,
      RemovedProduct.class);

  private final Policy policy;
  private final Quotas quotas;
  private final boolean rolesListed;
  private final Map<Class<?>, List<Object>> facts;

  private Catalog(Policy policy, Quotas quotas, boolean rolesListed, Map<Class<?>, List<Object>> facts) {
    this.policy = policy;
    this.quotas = quotas;
    this.rolesListed = rolesListed;
    this.facts = facts;
  }

  public static Catalog empty() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Policy policy() { return policy; }
  public Quotas quotas() { return quotas; }
  public boolean rolesListed() { return rolesListed; }

  @SuppressWarnings("unchecked")
  public <T> List<T> list(Class<T> type) {
    return (List<T>) facts.getOrDefault(type, List.of());
  }

  /** Every fact to insert into a session: the settings and each catalog fact. */
  public Stream<Object> allFacts() {
    Stream<Object> settings = rolesListed ? Stream.of(policy, quotas, new RolesListed()) : Stream.of(policy, quotas);
    return Stream.concat(settings, FACT_TYPES.stream().flatMap(t -> list(t).stream()));
  }

  public int size() {
    return facts.values().stream().mapToInt(List::size).sum();
  }

  /** A new catalog with {@code removed} taken out (by equality) and then {@code added} appended. */
  public Catalog apply(List<Object> removed, List<Object> added) {
    if (removed.isEmpty() && added.isEmpty()) return this;
    Builder b = toBuilder();
    for (Object r : removed) b.remove(r);
    for (Object a : added) b.add(a);
    return b.build();
  }

  public Builder toBuilder() {
    Builder b = new Builder().policy(policy).quotas(quotas).rolesListed(rolesListed);
    facts.forEach((t, l) -> b.facts.put(t, new ArrayList<>(l)));
    return b;
  }

  public static final class Builder {
    private Policy policy = Policy.DEFAULT;
    private Quotas quotas = Quotas.AWS_DEFAULTS;
    private boolean rolesListed;
    private final Map<Class<?>, List<Object>> facts = new LinkedHashMap<>();

    public Builder policy(Policy p) { this.policy = p; return this; }
    public Builder quotas(Quotas q) { this.quotas = q; return this; }
    public Builder rolesListed(boolean listed) { this.rolesListed = listed; return this; }

    public Builder add(Object fact) {
      Class<?> type = fact.getClass();
      if (type == Policy.class) return policy((Policy) fact);
      if (!FACT_TYPES.contains(type)) throw new IllegalArgumentException("not a catalog fact: " + type.getSimpleName());
      if (type == Role.class) rolesListed = true;
      facts.computeIfAbsent(type, t -> new ArrayList<>()).add(fact);
      return this;
    }

    public Builder remove(Object fact) {
      List<Object> l = facts.get(fact.getClass());
      if (l != null) l.remove(fact);
      return this;
    }

    public Catalog build() {
      Map<Class<?>, List<Object>> frozen = new LinkedHashMap<>();
      for (Class<?> t : FACT_TYPES) {
        List<Object> l = facts.get(t);
        if (l != null && !l.isEmpty()) frozen.put(t, List.copyOf(l));
      }
      return new Catalog(policy, quotas, rolesListed, Collections.unmodifiableMap(frozen));
    }
  }
}
