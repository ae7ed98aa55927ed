package dev.custody.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Run-time helpers for generated code: empty containers of the same family as a source
 * container, for fields declared with an interface type.
 *
 * <p>The family follows the source's run-time class: sorted sets and maps become {@code
 * TreeSet}/{@code TreeMap} with the same comparator (shared by reference, as comparators are
 * normally stateless), insertion-ordered ones {@code LinkedHashSet}/{@code LinkedHashMap}, {@code
 * LinkedList} stays a {@code LinkedList}, anything else becomes {@code ArrayList}/{@code
 * HashSet}/{@code HashMap}, presized. Unmodifiable JDK collections are copied as unmodifiable
 * views of a fresh container ({@link #freezeLike}). Other custom implementations are not
 * preserved.
 *
 * <p><b>Thread safety.</b> Stateless.
 */
public final class Containers {
  private Containers() {}

  /** An empty list of the family of {@code src}. */
  public static <E> List<E> newListLike(List<?> src) {
    return src instanceof LinkedList<?> ? new LinkedList<>() : new ArrayList<>(src.size());
  }

  /** An empty set of the family of {@code src}. */
  @SuppressWarnings("unchecked")
  public static <E> Set<E> newSetLike(Set<?> src) {
    if (src instanceof SortedSet<?> s) {
      return new TreeSet<>((java.util.Comparator<? super E>) s.comparator());
    }
    if (src instanceof LinkedHashSet<?> || isOrderedUnmodifiable(src)) {
      return LinkedHashSet.newLinkedHashSet(src.size());
    }
    return HashSet.newHashSet(src.size());
  }

  /** An empty map of the family of {@code src}. */
  @SuppressWarnings("unchecked")
  public static <K, V> Map<K, V> newMapLike(Map<?, ?> src) {
    if (src instanceof SortedMap<?, ?> s) {
      return new TreeMap<>((java.util.Comparator<? super K>) s.comparator());
    }
    if (src instanceof LinkedHashMap<?, ?>) {
      return LinkedHashMap.newLinkedHashMap(src.size());
    }
    return HashMap.newHashMap(src.size());
  }

  /** {@code copy}, made unmodifiable if {@code src} is an unmodifiable JDK list. */
  public static <E> List<E> freezeLike(List<?> src, List<E> copy) {
    return isUnmodifiable(src) ? Collections.unmodifiableList(copy) : copy;
  }

  /** {@code copy}, made unmodifiable if {@code src} is an unmodifiable JDK set. */
  public static <E> Set<E> freezeLike(Set<?> src, Set<E> copy) {
    return isUnmodifiable(src) ? Collections.unmodifiableSet(copy) : copy;
  }

  /** {@code copy}, made unmodifiable if {@code src} is an unmodifiable JDK map. */
  public static <K, V> Map<K, V> freezeLike(Map<?, ?> src, Map<K, V> copy) {
    return isUnmodifiable(src) ? Collections.unmodifiableMap(copy) : copy;
  }

  /**
   * Incremental checkpoints: true if {@code copy} (a snapshot container) is of the family a copy
   * of {@code src} would get now, so that it may be reused for {@code src}.
   */
  public static boolean sameFamily(Object src, Object copy) {
    boolean su = isUnmodifiable(src);
    if (su || isUnmodifiable(copy)) {
      return su && isUnmodifiable(copy);
    }
    if (src instanceof SortedSet<?> a) {
      return copy instanceof SortedSet<?> b && a.comparator() == b.comparator();
    }
    if (src instanceof SortedMap<?, ?> a) {
      return copy instanceof SortedMap<?, ?> b && a.comparator() == b.comparator();
    }
    return (src instanceof LinkedList<?>) == (copy instanceof LinkedList<?>)
        && (src instanceof LinkedHashSet<?>) == (copy instanceof LinkedHashSet<?>)
        && (src instanceof LinkedHashMap<?, ?>) == (copy instanceof LinkedHashMap<?, ?>)
        && (src instanceof SortedSet<?>) == (copy instanceof SortedSet<?>)
        && (src instanceof SortedMap<?, ?>) == (copy instanceof SortedMap<?, ?>);
  }

  /**
   * Incremental checkpoints: true if two containers of immutable elements hold equal elements;
   * in the same order for lists and insertion-ordered sets.
   */
  public static boolean sameElements(java.util.Collection<?> src, java.util.Collection<?> copy) {
    if (src.size() != copy.size()) {
      return false;
    }
    if (src instanceof Set<?> && !(src instanceof LinkedHashSet<?>) && !(src instanceof SortedSet<?>)) {
      return src.equals(copy);
    }
    java.util.Iterator<?> c = copy.iterator();
    for (Object e : src) {
      if (!java.util.Objects.equals(e, c.next())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Incremental checkpoints: true if two maps of immutable keys and values hold equal entries;
   * in the same order for insertion-ordered maps.
   */
  public static boolean sameEntries(Map<?, ?> src, Map<?, ?> copy) {
    if (src.size() != copy.size()) {
      return false;
    }
    if (!insertionOrdered(src)) {
      return src.equals(copy);
    }
    java.util.Iterator<? extends Map.Entry<?, ?>> c = copy.entrySet().iterator();
    for (Map.Entry<?, ?> e : src.entrySet()) {
      Map.Entry<?, ?> d = c.next();
      if (!java.util.Objects.equals(e.getKey(), d.getKey())
          || !java.util.Objects.equals(e.getValue(), d.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** True if the iteration order of {@code m} is its insertion order (it then must be kept). */
  public static boolean insertionOrdered(Map<?, ?> m) {
    return m instanceof LinkedHashMap<?, ?>;
  }

  /** Adds the first {@code n} elements of {@code from} to {@code to}. */
  @SuppressWarnings("unchecked")
  public static <E> void addFirst(java.util.Collection<E> to, Iterable<?> from, int n) {
    java.util.Iterator<?> it = from.iterator();
    for (int i = 0; i < n; i++) {
      to.add((E) it.next());
    }
  }

  /** For each of the first {@code n} keys of {@code keys}, puts it with its value in {@code values}. */
  @SuppressWarnings("unchecked")
  public static <K, V> void putFirst(Map<K, V> to, Map<?, ?> keys, Map<?, ?> values, int n) {
    java.util.Iterator<?> it = keys.keySet().iterator();
    for (int i = 0; i < n; i++) {
      Object k = it.next();
      to.put((K) k, (V) values.get(k));
    }
  }

  private static boolean isUnmodifiable(Object c) {
    Class<?> k = c.getClass();
    if (k == ArrayList.class || k == HashMap.class || k == HashSet.class) {
      return false;
    }
    String n = k.getName();
    return n.startsWith("java.util.ImmutableCollections$")
        || n.startsWith("java.util.Collections$Unmodifiable");
  }

  private static boolean isOrderedUnmodifiable(Set<?> s) {
    return s.getClass().getName().startsWith("java.util.Collections$Unmodifiable");
  }
}
