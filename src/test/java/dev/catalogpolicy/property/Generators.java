package dev.catalogpolicy.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random worlds (catalogs) and sequences of calls, from a seeded {@link Random}: the same seed gives
 * the same cases. Weights lean toward what makes a catalog rich (products in portfolios, shares,
 * accepted imports, local portfolios, grants to the Developer role) and toward callers that may act
 * (the owner, a recipient), so that most calls reach the rules that decide, not only NOT_FOUND.
 */
final class Generators {
  private Generators() {}

  /** Portfolio owners by weight: indexes into Cast.ACCOUNTS (the hub owns most). */
  private static final int[] OWNERS = {1, 1, 1, 0, 0, 2, 2, 3, 3, 4, 5, 6};
  /** Link kinds by weight: 0 product, 1 share, 2 accept, 3 local, 4 principal, 5 constraint, 6 provisioned product. */
  private static final int[] LINKS = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 6};
  private static final Action.Who[] WHO = {Action.Who.OWNER, Action.Who.OWNER, Action.Who.OWNER, Action.Who.OWNER,
      Action.Who.RECIPIENT, Action.Who.RECIPIENT, Action.Who.MANAGEMENT, Action.Who.DELEGATED_ADMIN, Action.Who.OUTSIDER,
      Action.Who.ANY};
  /** Principals by weight: 0 the Developer role (with its group) most of the time. */
  private static final int[] PRINCIPALS = {0, 0, 0, 0, 0, 1, 2, 3, 4, 4, 5, 6, 7};

  private static int of(Random r, int[] weighted) {
    return weighted[r.nextInt(weighted.length)];
  }

  static World world(Random r) {
    World.Orgs orgs = new World.Orgs(r.nextInt(4) != 0, r.nextBoolean(), r.nextInt(8), r.nextInt(4), r.nextInt(4), r.nextInt(4),
        r.nextInt(2));
    List<World.Port> ports = new ArrayList<>();
    for (int i = 2 + r.nextInt(6); i > 0; i--) ports.add(new World.Port(of(r, OWNERS), r.nextInt(5) == 0 ? 1 : 0, r.nextInt(6) == 0));
    List<World.Prod> prods = new ArrayList<>();
    for (int i = 1 + r.nextInt(6); i > 0; i--) prods.add(new World.Prod(r.nextInt(10), r.nextInt(3), r.nextInt(3) == 0));
    List<World.Link> links = new ArrayList<>();
    for (int i = 10 + r.nextInt(51); i > 0; i--) {
      int kind = of(r, LINKS);
      // principals: mostly the Developer role, its group or the Dev* pattern, which the probes use
      int c = kind == 4 ? new int[] {0, 0, 0, 1, 4, 2, 3, 5}[r.nextInt(8)] : r.nextInt(10);
      links.add(new World.Link(kind, r.nextInt(10), r.nextInt(10), c));
    }
    return new World(orgs, ports, prods, links, r.nextInt(3) == 0, r.nextInt(3) == 0, r.nextBoolean(), r.nextInt(5) == 0);
  }

  /** Every call kind once, and the ones that change sharing, imports and launches once more. */
  private static final List<Action.Kind> KINDS = kinds();

  private static List<Action.Kind> kinds() {
    List<Action.Kind> k = new ArrayList<>(List.of(Action.Kind.values()));
    k.addAll(List.of(Action.Kind.CreatePortfolioShare, Action.Kind.AcceptPortfolioShare, Action.Kind.RejectPortfolioShare,
        Action.Kind.DeletePortfolioShare, Action.Kind.AssociateProductWithPortfolio, Action.Kind.DisassociateProductFromPortfolio,
        Action.Kind.AssociatePrincipalWithPortfolio, Action.Kind.ProvisionProduct, Action.Kind.CreateConstraint));
    return List.copyOf(k);
  }

  static Action action(Random r) {
    return new Action(KINDS.get(r.nextInt(KINDS.size())), WHO[r.nextInt(WHO.length)], r.nextInt(10) == 0, of(r, PRINCIPALS),
        r.nextInt(10), r.nextInt(10), r.nextInt(10), r.nextInt(8));
  }

  static List<Action> actions(Random r, int maxSteps) {
    List<Action> out = new ArrayList<>();
    for (int i = 1 + r.nextInt(maxSteps); i > 0; i--) out.add(action(r));
    return out;
  }
}
