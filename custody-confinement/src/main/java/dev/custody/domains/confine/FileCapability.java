package dev.custody.domains.confine;

import java.nio.file.Path;
import java.util.List;

/**
 * File access under one directory, granted by the host to a confined domain that may not touch
 * the file system itself. Paths are relative to the granted directory; any path that would leave
 * it ({@code ..}, absolute paths, symbolic links pointing outside) is refused with {@link
 * CapabilityException}. Text is UTF-8.
 *
 * <p>Part of Custody's API visible inside confined domains. Implementations from {@link
 * #under(Path)} are thread-safe (each call is one file-system operation) and may be read-only.
 */
public interface FileCapability {

  /** The file's contents as text. */
  String read(String relativePath);

  /** Writes (creates or replaces) the file. */
  void write(String relativePath, String content);

  /** Whether the file exists. */
  boolean exists(String relativePath);

  /** Names of the regular files directly in the granted directory, sorted. */
  List<String> list();

  /** Whether {@link #write} is allowed. */
  boolean writable();

  /**
   * Host side: access to the files under {@code root}, which must be an existing directory.
   *
   * @param writable whether the domain may create and replace files
   */
  static FileCapability under(Path root, boolean writable) {
    return new DirectoryFileCapability(root, writable);
  }
}
