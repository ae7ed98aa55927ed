package dev.custody.domains.confine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@link FileCapability} over one host directory. Thread-safe; internal to the host. */
final class DirectoryFileCapability implements FileCapability {
  private final Path root;
  private final boolean writable;

  DirectoryFileCapability(Path root, boolean writable) {
    try {
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("file capability root " + root + " is not readable", e);
    }
    if (!Files.isDirectory(this.root)) {
      throw new IllegalArgumentException("file capability root " + root + " is not a directory");
    }
    this.writable = writable;
  }

  private Path resolve(String relative) {
    if (relative == null || relative.isEmpty()) {
      throw new CapabilityException("file capability " + root + ": empty path");
    }
    Path p = root.resolve(relative).normalize();
    if (Path.of(relative).isAbsolute() || !p.startsWith(root)) {
      throw new CapabilityException(
          "file capability " + root + ": path '" + relative + "' leaves the granted directory");
    }
    try {
      // A symbolic link inside the root must not lead outside it.
      Path existing = p;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null && !existing.toRealPath().startsWith(root)) {
        throw new CapabilityException("file capability " + root + ": path '" + relative
            + "' leaves the granted directory through a link");
      }
    } catch (IOException e) {
      throw new CapabilityException("file capability " + root + ": " + e.getMessage(), e);
    }
    return p;
  }

  @Override
  public String read(String relativePath) {
    Path p = resolve(relativePath);
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CapabilityException("file capability " + root + ": cannot read '" + relativePath
          + "': " + e, e);
    }
  }

  @Override
  public void write(String relativePath, String content) {
    if (!writable) {
      throw new CapabilityException("file capability " + root + " is read-only: cannot write '"
          + relativePath + "'");
    }
    Path p = resolve(relativePath);
    try {
      Files.writeString(p, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CapabilityException("file capability " + root + ": cannot write '"
          + relativePath + "': " + e, e);
    }
  }

  @Override
  public boolean exists(String relativePath) {
    return Files.exists(resolve(relativePath));
  }

  @Override
  public List<String> list() {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted()
          .toList();
    } catch (IOException e) {
      throw new CapabilityException("file capability " + root + ": cannot list: " + e, e);
    }
  }

  @Override
  public boolean writable() {
    return writable;
  }

  @Override
  public String toString() {
    return "FileCapability[" + root + (writable ? ", rw" : ", ro") + "]";
  }
}
