package dev.custody.domains.confine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ValueFlowTest {

  /**
   * Every instruction javac emits is modelled: a mis-modelled stack effect shows up as a stack
   * underflow or as stack heights that disagree where paths join, and the analysis gives up.
   */
  @Test
  void analysesEveryMethodOfJavaBasePackages() throws IOException {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    List<String> failed = new ArrayList<>();
    int methods = 0;
    for (String pkg : List.of("java/util", "java/lang", "java/math")) {
      List<Path> classes;
      try (Stream<Path> s = Files.walk(jrt.getPath("/modules/java.base/" + pkg))) {
        classes = s.filter(p -> p.toString().endsWith(".class")).toList();
      }
      for (Path p : classes) {
        ClassModel m = ClassFile.of().parse(Files.readAllBytes(p));
        String self = m.thisClass().asInternalName();
        for (MethodModel mm : m.methods()) {
          if (mm.code().isPresent()) {
            methods++;
            if (ValueFlow.analyse(mm.code().get(), self, n -> !n.equals(self)) == null) {
              failed.add(self + "." + mm.methodName() + mm.methodType());
            }
          }
        }
      }
    }
    assertThat(methods).isGreaterThan(10_000);
    assertThat(failed).isEmpty();
  }

  /** A monitor on a string kept under a long and a double: dup2_x2 / swap-style shuffles. */
  @Test
  void followsValuesThroughWideStackShuffles() throws Exception {
    ClassDesc self = ClassDesc.of("evil.Shuffle");
    byte[] bytes = ClassFile.of().build(self, cb -> cb.withMethodBody("run",
        MethodTypeDesc.of(ConstantDescs.CD_void), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
        code -> code
            .ldc("lock")      // [s]
            .lconst_1()       // [s, J]
            .dup2_x1()        // [J, s, J]
            .pop2()           // [J, s]
            .dup_x2()         // [s, J, s]
            .monitorenter()   // [s, J]
            .pop2()           // [s]
            .monitorexit()
            .return_()));
    List<String> v = new BytecodeValidator(ConfinementPolicy.defaults())
        .validate("evil.Shuffle", bytes, n -> n.equals("evil.Shuffle"), n -> false).stream()
        .map(Violation::toString).toList();
    assertThat(v).containsExactly("evil.Shuffle.run()V @ offset 6: synchronizes on the string"
        + " literal \"lock\" (interned, shared JVM-wide) [shared-monitor]");
  }

  /**
   * Old class files may use jsr/ret, which the analysis does not model: a monitor there cannot be
   * traced and is refused rather than let through.
   */
  @Test
  void untraceableMonitorIsRefused() throws Exception {
    byte[] bytes = ClassFile.of().build(ClassDesc.of("old.Jsr"), cb -> cb.withVersion(49, 0)
        .withMethodBody("run", MethodTypeDesc.of(ConstantDescs.CD_void),
            ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> {
              java.lang.classfile.Label sub = code.newLabel();
              code.new_(ClassDesc.of("java.lang.Object")).monitorenter();
              code.with(java.lang.classfile.instruction.DiscontinuedInstruction.JsrInstruction
                  .of(sub));
              code.return_();
              code.labelBinding(sub);
              code.astore(0);
              code.with(java.lang.classfile.instruction.DiscontinuedInstruction.RetInstruction
                  .of(0));
            }));
    List<String> v = new BytecodeValidator(ConfinementPolicy.defaults())
        .validate("old.Jsr", bytes, n -> n.equals("old.Jsr"), n -> false).stream()
        .map(Violation::toString).toList();
    assertThat(v).containsExactly("old.Jsr.run()V @ offset 3: synchronizes on a value the"
        + " validator cannot trace (code it does not model, such as jsr/ret) [shared-monitor]");
  }
}
