package dev.catalogpolicy.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable sequence of facts in the order they were added, duplicates allowed. Appending a fact
 * or removing the first one equal to a given fact makes a new sequence in O(log n), sharing all but
 * a path of nodes with this one: a catalog of 500,000 facts changes by a few facts without copying.
 *
 * <p>Two persistent treaps hold the same entries: one ordered by position (the sequence), one by the
 * fact's hash and position (finding the first equal fact). Positions only grow, so appending puts
 * a fact last.
 */
final class FactSeq {
  static final FactSeq EMPTY = new FactSeq(null, null, 0);

  private final Node byPos;
  private final Node byHash;
  private final long next;
  private volatile List<Object> list;

  private FactSeq(Node byPos, Node byHash, long next) {
    this.byPos = byPos;
    this.byHash = byHash;
    this.next = next;
  }

  /** The facts in list order. */
  static FactSeq of(List<?> facts) {
    if (facts.isEmpty()) return EMPTY;
    int n = facts.size();
    Node[] pos = new Node[n];
    Node[] hash = new Node[n];
    for (int i = 0; i < n; i++) {
      Object f = facts.get(i);
      pos[i] = new Node(i, 0, f, 0, null, null);
      hash[i] = new Node(f.hashCode(), i, f, 0, null, null);
    }
    Arrays.sort(hash, Comparator.<Node>comparingLong(x -> x.k1).thenComparingLong(x -> x.k2));
    int height = 64 - Long.numberOfLeadingZeros(n);
    return new FactSeq(balanced(pos, 0, n, 0, height), balanced(hash, 0, n, 0, height), n);
  }

  int size() {
    return byPos == null ? 0 : byPos.size;
  }

  boolean isEmpty() {
    return byPos == null;
  }

  /** This sequence with {@code fact} appended. */
  FactSeq plus(Object fact) {
    long p = next;
    return new FactSeq(insert(byPos, p, 0, fact), insert(byHash, fact.hashCode(), p, fact), p + 1);
  }

  /** Whether a fact equal to {@code fact} is in this sequence (O(log n)). */
  boolean contains(Object fact) {
    return firstEqual(byHash, fact.hashCode(), fact) != null;
  }

  /** This sequence without the first fact equal to {@code fact}; this one when there is none. */
  FactSeq minus(Object fact) {
    Node hit = firstEqual(byHash, fact.hashCode(), fact);
    if (hit == null) return this;
    return new FactSeq(delete(byPos, hit.k2, 0), delete(byHash, hit.k1, hit.k2), next);
  }

  /** The facts in order, as an unmodifiable list (built once per sequence). */
  List<Object> toList() {
    List<Object> l = list;
    if (l == null) {
      List<Object> out = new ArrayList<>(size());
      collect(byPos, out);
      l = Collections.unmodifiableList(out);
      list = l;
    }
    return l;
  }

  // ---- persistent treap ---------------------------------------------------------------------------

  private static final class Node {
    final long k1;
    final long k2;
    final Object fact;
    final int prio;
    final Node left;
    final Node right;
    final int size;

    Node(long k1, long k2, Object fact, int prio, Node left, Node right) {
      this.k1 = k1;
      this.k2 = k2;
      this.fact = fact;
      this.prio = prio;
      this.left = left;
      this.right = right;
      this.size = 1 + (left == null ? 0 : left.size) + (right == null ? 0 : right.size);
    }

    Node with(Node l, Node r) {
      return l == left && r == right ? this : new Node(k1, k2, fact, prio, l, r);
    }
  }

  /** A balanced tree of sorted nodes; priorities fall with depth so the heap order of a treap holds. */
  private static Node balanced(Node[] sorted, int from, int to, int depth, int height) {
    if (from >= to) return null;
    int mid = (from + to) >>> 1;
    Node m = sorted[mid];
    int prio = (int) ((long) (height - depth) * (Integer.MAX_VALUE / (height + 1)));
    return new Node(m.k1, m.k2, m.fact, prio, balanced(sorted, from, mid, depth + 1, height),
        balanced(sorted, mid + 1, to, depth + 1, height));
  }

  private static int compare(long a1, long a2, Node n) {
    int c = Long.compare(a1, n.k1);
    return c != 0 ? c : Long.compare(a2, n.k2);
  }

  private static int priority(long k1, long k2) {
    long z = k1 * 0x9E3779B97F4A7C15L + k2 + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (int) ((z ^ (z >>> 31)) >>> 33);
  }

  private static Node insert(Node t, long k1, long k2, Object fact) {
    if (t == null) return new Node(k1, k2, fact, priority(k1, k2), null, null);
    if (compare(k1, k2, t) < 0) {
      Node l = insert(t.left, k1, k2, fact);
      return l.prio > t.prio ? l.with(l.left, t.with(l.right, t.right)) : t.with(l, t.right);
    }
    Node r = insert(t.right, k1, k2, fact);
    return r.prio > t.prio ? r.with(t.with(t.left, r.left), r.right) : t.with(t.left, r);
  }

  private static Node delete(Node t, long k1, long k2) {
    if (t == null) return null;
    int c = compare(k1, k2, t);
    if (c < 0) return t.with(delete(t.left, k1, k2), t.right);
    if (c > 0) return t.with(t.left, delete(t.right, k1, k2));
    return merge(t.left, t.right);
  }

  private static Node merge(Node l, Node r) {
    if (l == null) return r;
    if (r == null) return l;
    return l.prio > r.prio ? l.with(l.left, merge(l.right, r)) : r.with(merge(l, r.left), r.right);
  }

  /** The node of lowest position among those with hash {@code h} whose fact equals {@code fact}. */
  private static Node firstEqual(Node t, long h, Object fact) {
    if (t == null) return null;
    if (h < t.k1) return firstEqual(t.left, h, fact);
    if (h > t.k1) return firstEqual(t.right, h, fact);
    Node found = firstEqual(t.left, h, fact);
    if (found != null) return found;
    if (t.fact.equals(fact)) return t;
    return firstEqual(t.right, h, fact);
  }

  private static void collect(Node t, List<Object> out) {
    while (t != null) {
      collect(t.left, out);
      out.add(t.fact);
      t = t.right;
    }
  }
}
