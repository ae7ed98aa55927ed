package dev.custody.domains.confine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The classes (and resources) of a domain, read once into memory from a jar or a class directory.
 * Reading everything up front lets the whole domain be validated before any class is defined, and
 * lets recovery define fresh classes without touching the disk again.
 *
 * <p>Immutable and thread-safe. Holds no reference to any class loader, so keeping a source alive
 * never pins a domain's classes.
 */
public final class ClassSource {
  private final String origin;
  private final Map<String, byte[]> classes;
  private final Map<String, byte[]> resources;

  private ClassSource(String origin, Map<String, byte[]> classes, Map<String, byte[]> resources) {
    this.origin = origin;
    // Sorted iteration, hash lookup: validation asks "is this one of ours?" for every reference.
    this.classes = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(classes)));
    this.resources = resources;
  }

  /**
   * Reads every {@code .class} file and resource of a jar or class directory.
   *
   * @throws UnreadableClassException if the path does not exist, is not a jar (zip) or
   *     directory, or cannot be read; the message names the path
   */
  public static ClassSource open(Path jarOrDir) throws UnreadableClassException {
    Objects.requireNonNull(jarOrDir, "jarOrDir");
    if (!Files.exists(jarOrDir)) {
      throw new UnreadableClassException(jarOrDir + ": no such file or directory");
    }
    try {
      return Files.isDirectory(jarOrDir) ? fromDirectory(jarOrDir) : fromJar(jarOrDir);
    } catch (UnreadableClassException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw new UnreadableClassException(jarOrDir + ": no such file " + e.getFile(), e);
    } catch (IOException e) {
      throw new UnreadableClassException(jarOrDir + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** A source over class files held in memory, keyed by binary name ({@code a.b.C}). */
  public static ClassSource of(String origin, Map<String, byte[]> classFiles) {
    Map<String, byte[]> m = new TreeMap<>();
    classFiles.forEach((k, v) -> m.put(k, v.clone()));
    return new ClassSource(origin, Collections.unmodifiableMap(m), Map.of());
  }

  private static ClassSource fromDirectory(Path dir) throws IOException {
    Map<String, byte[]> classes = new TreeMap<>();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        add(rel, Files.readAllBytes(p), classes, resources);
      }
    }
    return new ClassSource(dir.toString(), Collections.unmodifiableMap(classes),
        Collections.unmodifiableMap(resources));
  }

  private static ClassSource fromJar(Path jar) throws IOException {
    Map<String, byte[]> classes = new TreeMap<>();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    int entries = 0;
    try (InputStream in = Files.newInputStream(jar); ZipInputStream zin = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        entries++;
        if (!e.isDirectory()) {
          add(e.getName(), zin.readAllBytes(), classes, resources);
        }
      }
    } catch (ZipException e) {
      throw new UnreadableClassException(jar + ": not a valid jar: " + e.getMessage(), e);
    }
    if (entries == 0) {
      // ZipInputStream silently yields nothing for non-zip input.
      throw new UnreadableClassException(jar + ": not a valid jar (no zip entries found)");
    }
    return new ClassSource(jar.toString(), Collections.unmodifiableMap(classes),
        Collections.unmodifiableMap(resources));
  }

  private static void add(String path, byte[] bytes, Map<String, byte[]> classes,
      Map<String, byte[]> resources) {
    if (path.endsWith(".class") && !path.startsWith("META-INF/")
        && !path.endsWith("module-info.class") && !path.endsWith("package-info.class")) {
      classes.put(path.substring(0, path.length() - 6).replace('/', '.'), bytes);
    } else {
      resources.put(path, bytes);
    }
  }

  /** Where the classes came from (a path, or the name given to {@link #of}). */
  public String origin() {
    return origin;
  }

  /** Binary names of all classes, sorted. */
  public java.util.Set<String> classNames() {
    return classes.keySet();
  }

  /** The class file of {@code binaryName}, or {@code null}. The array must not be modified. */
  byte[] classBytes(String binaryName) {
    return classes.get(binaryName);
  }

  /** A resource (non-class entry) by path, or {@code null}. The array must not be modified. */
  byte[] resource(String path) {
    return resources.get(path);
  }

  /** Number of classes. */
  public int size() {
    return classes.size();
  }
}
