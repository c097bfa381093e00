package dev.catalogpolicy.property;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Shrinks a failing case (a world and its calls) to a small one that still fails: drops calls and
 * world links in chunks, then one at a time, drops portfolios and products, and sets each number
 * to 0 and each flag to its plain value, keeping every change that still fails. Greedy, bounded by
 * a number of tries and a deadline.
 */
final class Shrinker {
  /** What the property says of a case: null when it holds, else the failure. */
  record Case(World world, List<Action> actions) {}

  private final Function<Case, PropertyCheck.Failure> property;
  private final int maxTries;
  private final long deadline;
  private int tries;

  Shrinker(Function<Case, PropertyCheck.Failure> property, int maxTries, long millis) {
    this.property = property;
    this.maxTries = maxTries;
    this.deadline = System.currentTimeMillis() + millis;
  }

  int tries() {
    return tries;
  }

  /** The smallest failing case found, and its failure. */
  PropertyCheck.Failure shrink(Case start, PropertyCheck.Failure failure) {
    Case current = start;
    PropertyCheck.Failure last = failure;
    // the calls after the failing step play no part
    if (failure.step() + 1 < start.actions().size()) {
      Case cut = new Case(start.world(), start.actions().subList(0, failure.step() + 1));
      PropertyCheck.Failure f = property.apply(cut);
      if (f != null) {
        current = cut;
        last = f;
      }
    }
    boolean progress = true;
    while (progress && tries < maxTries && System.currentTimeMillis() < deadline) {
      progress = false;
      for (var it = candidates(current).iterator(); it.hasNext() && tries < maxTries && System.currentTimeMillis() < deadline; ) {
        Case c = it.next().get();
        if (c == null) continue;
        tries++;
        PropertyCheck.Failure f = property.apply(c);
        if (f != null) {
          current = f.step() + 1 < c.actions().size() ? new Case(c.world(), c.actions().subList(0, f.step() + 1)) : c;
          last = f;
          progress = true;
          break;
        }
      }
    }
    return last;
  }

  private static List<Supplier<Case>> candidates(Case c) {
    World w = c.world();
    List<Action> as = c.actions();
    List<Supplier<Case>> out = new ArrayList<>();
    if (as.size() > 1) chunks(as.size()).forEach(r -> out.add(() -> new Case(w, without(as, r[0], r[1]))));
    chunks(w.links().size()).forEach(r -> out.add(() -> new Case(w.withLinks(without(w.links(), r[0], r[1])), as)));
    if (w.portfolios().size() > 1) indices(w.portfolios().size()).forEach(i -> out.add(() ->
        new Case(w.withPortfolios(without(w.portfolios(), i, 1)), as)));
    if (w.products().size() > 1) indices(w.products().size()).forEach(i -> out.add(() ->
        new Case(w.withProducts(without(w.products(), i, 1)), as)));
    if (w.rolesListed()) out.add(() -> new Case(w.withRolesListed(false), as));
    if (w.inheritIntoLocal()) out.add(() -> new Case(w.withInheritIntoLocal(false), as));
    if (w.developersEverywhere()) out.add(() -> new Case(w.withDevelopersEverywhere(false), as));
    if (w.tightQuotas()) out.add(() -> new Case(w.withTightQuotas(false), as));
    World.Orgs o = w.orgs();
    if (o.delegatedMask() != 0) out.add(() -> new Case(w.withOrgs(new World.Orgs(o.accessA(), o.accessB(), 0, o.hubOu(),
        o.spoke1Ou(), o.spoke2Ou(), o.memberBOu())), as));
    indices(as.size()).forEach(i -> simpler(as.get(i)).forEach(a -> out.add(() -> new Case(w, replaced(as, i, a)))));
    indices(w.links().size()).forEach(i -> simpler(w.links().get(i)).forEach(l ->
        out.add(() -> new Case(w.withLinks(replaced(w.links(), i, l)), as))));
    return out;
  }

  private static Stream<Integer> indices(int n) {
    return Stream.iterate(n - 1, i -> i >= 0, i -> i - 1);
  }

  /** [from, length] of chunks of halving sizes, down to single elements. */
  private static Stream<int[]> chunks(int n) {
    List<int[]> out = new ArrayList<>();
    for (int size = n / 2; size >= 1; size /= 2) {
      for (int from = n - size; from >= 0; from -= size) out.add(new int[] {from, size});
    }
    return out.stream();
  }

  private static <T> List<T> without(List<T> l, int from, int length) {
    List<T> out = new ArrayList<>(l.subList(0, from));
    out.addAll(l.subList(Math.min(l.size(), from + length), l.size()));
    return out;
  }

  private static <T> List<T> replaced(List<T> l, int i, T value) {
    List<T> out = new ArrayList<>(l);
    out.set(i, value);
    return out;
  }

  private static Stream<Action> simpler(Action a) {
    List<Action> out = new ArrayList<>();
    if (a.variant() != 0) out.add(new Action(a.kind(), a.who(), a.wrongRegion(), a.principal(), a.a(), a.b(), a.c(), 0));
    if (a.wrongRegion()) out.add(new Action(a.kind(), a.who(), false, a.principal(), a.a(), a.b(), a.c(), a.variant()));
    if (a.who() != Action.Who.OWNER) out.add(new Action(a.kind(), Action.Who.OWNER, a.wrongRegion(), a.principal(), a.a(), a.b(), a.c(), a.variant()));
    if (a.principal() != 0) out.add(new Action(a.kind(), a.who(), a.wrongRegion(), 0, a.a(), a.b(), a.c(), a.variant()));
    if (a.a() != 0) out.add(new Action(a.kind(), a.who(), a.wrongRegion(), a.principal(), 0, a.b(), a.c(), a.variant()));
    if (a.b() != 0) out.add(new Action(a.kind(), a.who(), a.wrongRegion(), a.principal(), a.a(), 0, a.c(), a.variant()));
    if (a.c() != 0) out.add(new Action(a.kind(), a.who(), a.wrongRegion(), a.principal(), a.a(), a.b(), 0, a.variant()));
    return out.stream();
  }

  private static Stream<World.Link> simpler(World.Link l) {
    List<World.Link> out = new ArrayList<>();
    if (l.a() != 0) out.add(new World.Link(l.kind(), 0, l.b(), l.c()));
    if (l.b() != 0) out.add(new World.Link(l.kind(), l.a(), 0, l.c()));
    if (l.c() != 0) out.add(new World.Link(l.kind(), l.a(), l.b(), 0));
    return out.stream();
  }
}
