package dev.catalogpolicy.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a call added to the catalog, in the order it added them, from which a fact it takes out
 * again is removed as {@link List#remove(Object)} would: the first equal one. Removing from a list
 * scanned it, so a change that adds and removes thousands of facts (an org-wide share deleted on a
 * large organization) cost the square of its size; here each removal costs a hash lookup. (The
 * catalog's {@code FactSeq} does the same persistently, copying a path of nodes on every change: a
 * call's additions need no sharing, and with it the org-wide share's deletion on org-20k took 1.3 to 1.5
 * times as long.)
 */
final class AddedFacts {
  /** Every fact added, with null where one was taken out again. */
  private final List<Object> facts = new ArrayList<>();
  /** Where each fact (by equality) still stands in {@link #facts}, first first. */
  private final Map<Object, ArrayDeque<Integer>> positions = new HashMap<>();
  private int removed;
  private List<Object> view;

  void add(Object fact) {
    positions.computeIfAbsent(fact, f -> new ArrayDeque<>()).addLast(facts.size());
    facts.add(fact);
    view = null;
  }

  /** Takes out the first fact equal to {@code fact}; false when there is none. */
  boolean remove(Object fact) {
    ArrayDeque<Integer> at = positions.get(fact);
    if (at == null) return false;
    facts.set(at.pollFirst(), null);
    if (at.isEmpty()) positions.remove(fact);
    removed++;
    view = null;
    return true;
  }

  /** The facts still added, in order (unmodifiable). */
  List<Object> list() {
    if (view == null) {
      List<Object> l = new ArrayList<>(facts.size() - removed);
      for (Object f : facts) if (f != null) l.add(f);
      view = Collections.unmodifiableList(l);
    }
    return view;
  }
}
