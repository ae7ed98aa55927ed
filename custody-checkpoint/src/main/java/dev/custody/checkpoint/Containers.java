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
