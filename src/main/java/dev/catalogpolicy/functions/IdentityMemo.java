package dev.catalogpolicy.functions;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded memo of a pure function of an immutable object, keyed by the object's identity: catalog
 * facts live as the same objects from call to call, so the rules' helpers work out what depends only
 * on a fact (the parsed rules of a template constraint) once instead of on every call. Identity, not
 * equals: hashing a JSON tree deeply costs about what parsing it does. Past {@code limit} entries the
 * memo starts over (facts removed from the catalog then stop being held).
 */
final class IdentityMemo<K, V> {
  private record Key(Object ref, int hash) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.ref == ref;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final ConcurrentHashMap<Key, V> map = new ConcurrentHashMap<>();
  private final int limit;
  private final Function<K, V> f;

  IdentityMemo(int limit, Function<K, V> f) {
    this.limit = limit;
    this.f = f;
  }

  V get(K k) {
    Key key = new Key(k, System.identityHashCode(k));
    V v = map.get(key);
    if (v != null) return v;
    v = f.apply(k);
    if (map.size() >= limit) map.clear();
    map.put(key, v);
    return v;
  }
}
