package dev.custody.checker;

import com.sun.source.tree.ClassTree;

/**
 * One analysis run by the Custody javac plugin over each top-level class, after javac has
 * attributed and flow-checked it (the {@code ANALYZE} task event).
 *
 * <p>A pass reports through {@link CheckerContext#reporter(String)} with its own {@link #key()},
 * so every message it emits starts with {@code [key]}. Register new passes in {@link Passes}.
 *
 * <p><b>Thread safety.</b> javac compiles on one thread; a pass instance is created per
 * compilation ({@link Passes#create()}) and may keep state across classes of that compilation
 * (for example method summaries).
 *
 * <p><b>Failures.</b> An unexpected exception thrown by a pass is reported as a javac error
 * naming the pass and the class, and the other passes still run.
 */
public interface CheckerPass {

  /** The diagnostic key, for example {@code custody.ownership}; also the name used by {@code only=}. */
  String key();

  /** Checks one top-level class of {@code ctx.compilationUnit()}, nested classes included. */
  void check(ClassTree topLevelClass, CheckerContext ctx);

  /**
   * Called once after the last class of the compilation has been checked (javac's {@code
   * COMPILATION} event), for whole-program passes that collect in {@link #check} and analyse
   * here. Diagnostics reported now still fail the compilation.
   */
  default void finish() {}

  /**
   * Called once when every class of the compilation has been checked and javac has not yet
   * lowered any of them, so trees still support {@link CheckerContext#cfg}. Only happens when
   * {@link CheckerContext#wholeProgramBeforeLowering()} is true (javac's {@code
   * compilePolicy=simple}); {@link #finish()} is still called afterwards.
   */
  default void allAnalyzed() {}
}
