package dev.custody.checkpoint.model;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpointable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** One field of every supported kind. */
@Checkpointable
public final class AllKinds {
  public boolean z;
  public byte b;
  public short s;
  public char c;
  public int i;
  public long j;
  public float f;
  public double d;
  public Integer boxed;
  public Character boxedChar;
  public String str;
  public Color color;

  public int[] ints;
  public String[] strings;
  public int[][] grid;
  public Leaf[] leaves;
  public Shared<Leaf>[] sharedLeaves;
  public List<String>[] listArray;

  public List<Leaf> list;
  public ArrayList<Integer> arrayList;
  public LinkedList<String> linkedList;
  public Set<String> set;
  public HashSet<Color> hashSet;
  public LinkedHashSet<Long> linkedHashSet;
  public TreeSet<String> treeSet;
  public SortedSet<Integer> sortedSet;
  public NavigableSet<String> navigableSet;
  public Map<String, Leaf> map;
  public HashMap<Integer, List<String>> hashMap;
  public LinkedHashMap<String, Integer> linkedHashMap;
  public TreeMap<String, Shared<Leaf>> treeMap;
  public SortedMap<String, int[]> sortedMap;
  public NavigableMap<Integer, Point> navigableMap;
  public Map<Leaf, Set<Point>> nested;

  public Leaf leaf;
  public Point point;
  public Shared<Leaf> sharedLeaf;
  public Shared<String> sharedString;
  public Shared<List<Point>> sharedList;
  public Shared<int[]> sharedInts;
  public Shared<Point> sharedPoint;

  public final List<Point> finalList = new ArrayList<>();
  public final Map<String, Integer> finalMap = new HashMap<>();
  public final Leaf finalLeaf = new Leaf();

  public transient Object notCopied;
  public static int alsoNotCopied;

  public AllKinds() {}

  /** Every copied field, as text. */
  public String describe() {
    return String.join(
        "|",
        List.of(
            "" + z, "" + b, "" + s, "" + c, "" + i, "" + j, "" + f, "" + d, "" + boxed, "" + boxedChar,
            "" + str, "" + color, Arrays.toString(ints), Arrays.toString(strings),
            Arrays.deepToString(grid), Arrays.toString(leaves), Arrays.toString(sharedLeaves),
            Arrays.toString(listArray), "" + list, "" + arrayList, "" + linkedList, "" + set,
            "" + hashSet, "" + linkedHashSet, "" + treeSet, "" + sortedSet, "" + navigableSet,
            "" + map, "" + hashMap, "" + linkedHashMap, "" + treeMap,
            sortedMap == null ? "null" : sortedMap.entrySet().stream().map(e -> e.getKey() + "=" + Arrays.toString(e.getValue())).toList().toString(),
            "" + navigableMap, "" + nested, "" + leaf, "" + point, "" + sharedLeaf,
            "" + sharedString, "" + sharedList,
            sharedInts == null ? "null" : Arrays.toString(sharedInts.get()), "" + sharedPoint,
            "" + finalList, "" + finalMap, "" + finalLeaf));
  }
}
