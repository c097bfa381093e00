package dev.catalogpolicy.catalog;

import dev.catalogpolicy.model.*;

import java.util.*;
import java.util.stream.Stream;

/**
 * The whole state of a catalog as immutable facts. A new Catalog is made by applying the added and
 * removed facts of a decision; nothing here decides what changes. Catalogs are persistent: one made
 * by {@link #apply} shares every unchanged fact with the one it came from, so a snapshot can be kept
 * per decision and handed to readers on other threads.
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
  private final Map<Class<?>, FactSeq> facts;

  private Catalog(Policy policy, Quotas quotas, boolean rolesListed, Map<Class<?>, FactSeq> facts) {
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

  /** The facts of one type in catalog order (unmodifiable; built on first use for each snapshot). */
  @SuppressWarnings("unchecked")
  public <T> List<T> list(Class<T> type) {
    FactSeq seq = facts.get(type);
    return seq == null ? List.of() : (List<T>) seq.toList();
  }

  /** Every fact to insert into a session: the settings and each catalog fact. */
  public Stream<Object> allFacts() {
    return Stream.concat(settings().stream(), FACT_TYPES.stream().flatMap(t -> list(t).stream()));
  }

  /** The settings as the facts a session holds: the policy, the quotas, and whether roles are listed. */
  public List<Object> settings() {
    return rolesListed ? List.of(policy, quotas, new RolesListed()) : List.of(policy, quotas);
  }

  /** Whether this catalog holds a fact equal to {@code fact} (a setting, or one of its facts; O(log n)). */
  public boolean contains(Object fact) {
    if (fact instanceof Policy || fact instanceof Quotas || fact instanceof RolesListed) return settings().contains(fact);
    FactSeq seq = facts.get(fact.getClass());
    return seq != null && seq.contains(fact);
  }

  public int size() {
    return facts.values().stream().mapToInt(FactSeq::size).sum();
  }

  /**
   * A new catalog with {@code removed} taken out (each the first equal fact) and then {@code added}
   * appended. It shares all unchanged facts with this one: the cost is that of the changes (O(log n)
   * each), not of the catalog.
   */
  public Catalog apply(List<Object> removed, List<Object> added) {
    if (removed.isEmpty() && added.isEmpty()) return this;
    Map<Class<?>, FactSeq> next = new HashMap<>(facts);
    Policy p = policy;
    boolean listed = rolesListed;
    for (Object r : removed) {
      FactSeq seq = next.get(r.getClass());
      if (seq != null) next.put(r.getClass(), seq.minus(r));
    }
    for (Object a : added) {
      Class<?> type = a.getClass();
      if (type == Policy.class) {
        p = (Policy) a;
        continue;
      }
      checkType(type);
      if (type == Role.class) listed = true;
      next.put(type, next.getOrDefault(type, FactSeq.EMPTY).plus(a));
    }
    next.values().removeIf(FactSeq::isEmpty);
    return new Catalog(p, quotas, listed, Map.copyOf(next));
  }

  public Builder toBuilder() {
    Builder b = new Builder().policy(policy).quotas(quotas).rolesListed(rolesListed);
    facts.forEach((t, seq) -> b.facts.put(t, new ArrayList<>(seq.toList())));
    return b;
  }

  private static void checkType(Class<?> type) {
    if (!FACT_TYPES.contains(type)) throw new IllegalArgumentException("not a catalog fact: " + type.getSimpleName());
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
      checkType(type);
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
      Map<Class<?>, FactSeq> frozen = new HashMap<>();
      for (Class<?> t : FACT_TYPES) {
        List<Object> l = facts.get(t);
        if (l != null && !l.isEmpty()) frozen.put(t, FactSeq.of(l));
      }
      return new Catalog(policy, quotas, rolesListed, Map.copyOf(frozen));
    }
  }
}
