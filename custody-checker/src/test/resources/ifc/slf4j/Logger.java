package org.slf4j;

/** Stand-in for SLF4J's Logger: the checker knows it by name, without the dependency. */
public interface Logger {
  void info(String msg);

  void warn(String msg);
}
