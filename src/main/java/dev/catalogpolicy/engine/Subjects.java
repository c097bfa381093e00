package dev.catalogpolicy.engine;

import dev.catalogpolicy.facts.AboutCaller;
import dev.catalogpolicy.facts.CallerPortfolio;
import dev.catalogpolicy.facts.Grant;
import dev.catalogpolicy.facts.Identity;
import dev.catalogpolicy.facts.LaunchPath;
import dev.catalogpolicy.facts.PathConstraint;
import dev.catalogpolicy.facts.PathQuery;
import dev.catalogpolicy.facts.PathRole;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The callers whose derivations a {@link StatefulEngine} keeps between calls, least recently used
 * first. launch.drl keys what it derives about a caller (identities, portfolios, grants, launch paths,
 * their constraints and roles) by the caller ({@link Caller} as a fact, the subject) and inserts the
 * subject and a launch's {@link PathQuery} for good, so the next call of the same caller about the same
 * product joins on paths already derived; truth maintenance keeps them current through every change.
 * This class only keeps count: beyond {@code capacity} path queries (or callers), the least recently
 * used callers are deleted, and their derivations go with them. Which paths exist is the rules' alone.
 */
final class Subjects {
  /** Path queries (and callers) kept per session unless {@code catalogpolicy.keptPathQueries} says otherwise. */
  static final int DEFAULT_CAPACITY = Integer.getInteger("catalogpolicy.keptPathQueries", 20_000);

  /** The facts that belong to a kept caller (the rest of a call's facts go with the call). */
  private static final Set<Class<?>> KEPT_TYPES = Set.of(Caller.class, PathQuery.class, Identity.class,
      CallerPortfolio.class, Grant.class, LaunchPath.class, PathConstraint.class, PathRole.class);

  private static final class Entry {
    FactHandle caller;
    final List<FactHandle> queries = new ArrayList<>();
  }

  private final int capacity;
  private final Map<Caller, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final Set<FactHandle> kept = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Written under the engine's lock only; read without it for metrics. */
  private volatile int queries;

  Subjects(int capacity) {
    this.capacity = Math.max(1, capacity);
  }

  /** Notes a caller or path query a rule inserted for good (stated); true if it is kept here. */
  boolean inserted(FactHandle h, Object o) {
    if (!(o instanceof Caller) && !(o instanceof PathQuery)) return false;
    EqualityKey key = ((InternalFactHandle) h).getEqualityKey();
    if (key != null && key.getStatus() == EqualityKey.JUSTIFIED) return false; // a call's own question
    kept.add(h);
    if (o instanceof Caller c) {
      entries.computeIfAbsent(c, k -> new Entry()).caller = h;
    } else {
      entries.computeIfAbsent(((PathQuery) o).subject(), k -> new Entry()).queries.add(h);
      queries++;
    }
    return true;
  }

  /** True for a handle this class keeps (the engine does not withdraw it with the call). */
  boolean keeps(FactHandle h) {
    return kept.contains(h);
  }

  /**
   * The kept instance of a caller equal to {@code c}, or {@code c}, for a call {@code c} is making: a
   * call made with the kept one finds its caller's derivations by identity in the rules' indexes
   * instead of comparing every field. The caller becomes the most recently used (a new one is, once the
   * rules insert it).
   */
  Caller canonical(Caller c) {
    Entry e = entries.get(c);
    return e == null || e.caller == null ? c : (Caller) ((InternalFactHandle) e.caller).getObject();
  }

  /**
   * Deletes the least recently used callers beyond capacity (never {@code keep}); true if any went
   * (the session must fire for their derivations to follow).
   */
  boolean trim(KieSession session, Caller keep) {
    boolean any = false;
    Iterator<Map.Entry<Caller, Entry>> it = entries.entrySet().iterator();
    while ((queries > capacity || entries.size() > capacity) && it.hasNext()) {
      Map.Entry<Caller, Entry> e = it.next();
      if (e.getKey().equals(keep)) continue;
      it.remove();
      delete(session, e.getValue());
      any = true;
    }
    return any;
  }

  /** Deletes what is kept for {@code c}, if anything; true if something went. */
  boolean release(KieSession session, Caller c) {
    Entry e = entries.remove(c);
    if (e == null) return false;
    delete(session, e);
    return true;
  }

  void clear() {
    entries.clear();
    kept.clear();
    queries = 0;
  }

  int queries() {
    return queries;
  }

  /** True for a fact derived for (or standing for) a caller kept here: it outlives the call by design. */
  boolean belongsToKept(Object o) {
    if (!KEPT_TYPES.contains(o.getClass())) return false;
    return entries.containsKey(o instanceof Caller c ? c : ((AboutCaller) o).subject());
  }

  private void delete(KieSession session, Entry e) {
    for (FactHandle q : e.queries) {
      kept.remove(q);
      session.delete(q);
    }
    queries -= e.queries.size();
    if (e.caller != null) {
      kept.remove(e.caller);
      session.delete(e.caller);
    }
  }
}
