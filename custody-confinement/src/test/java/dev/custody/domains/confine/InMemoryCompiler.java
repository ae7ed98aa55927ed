package dev.custody.domains.confine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources held in strings into class files in memory (test helper). */
final class InMemoryCompiler {
  private InMemoryCompiler() {}

  /**
   * Compiles {@code sources} (binary name of the top-level class → source) against the JDK, the
   * Custody classes and the test classes.
   */
  static Map<String, byte[]> compile(Map<String, String> sources, String... extraOptions) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager std = javac.getStandardFileManager(null, null, null);
    Map<String, ByteArrayOutputStream> out = new TreeMap<>();
    JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String className,
          JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/')
            + ".class"), kind) {
          @Override
          public OutputStream openOutputStream() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            out.put(className, b);
            return b;
          }
        };
      }
    };
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, src) -> units.add(new SimpleJavaFileObject(
        URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return src;
      }
    }));
    List<String> options = new ArrayList<>(List.of("--release", "25", "-proc:none", "-g",
        "-Xlint:none", "-nowarn", "-classpath", classPath()));
    if (extraOptions.length > 0) {
      options.remove("--release");
      options.remove("25");
      options.addAll(List.of(extraOptions));
    }
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, fm, null, options, null, units).call();
    if (!ok) {
      throw new AssertionError("test sources do not compile:\n" + diagnostics);
    }
    Map<String, byte[]> classes = new TreeMap<>();
    out.forEach((k, v) -> classes.put(k, v.toByteArray()));
    return classes;
  }

  static ClassSource source(String origin, Map<String, String> sources, String... options) {
    return ClassSource.of(origin, compile(sources, options));
  }

  static String classPath() {
    return String.join(java.io.File.pathSeparator, location(ConfinementPolicy.class),
        location(InMemoryCompiler.class), location(dev.custody.domains.Domain.class),
        location(dev.custody.Owned.class));
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes class files as a jar. */
  static Path writeJar(Path jar, Map<String, byte[]> classes) throws IOException {
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
      for (var e : classes.entrySet()) {
        j.putNextEntry(new JarEntry(e.getKey().replace('.', '/') + ".class"));
        j.write(e.getValue());
        j.closeEntry();
      }
    }
    return jar;
  }

  /** Writes class files as a class directory. */
  static Path writeDir(Path dir, Map<String, byte[]> classes) throws IOException {
    for (var e : classes.entrySet()) {
      Path p = dir.resolve(e.getKey().replace('.', '/') + ".class");
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }
    return dir;
  }
}
