package dev.custody.checker.ifc;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** JVM-style method signatures, {@code name(Ljava/lang/String;I)V}, as RIFL names methods. */
final class Signatures {
  private Signatures() {}

  static String owner(ExecutableElement m) {
    return ((TypeElement) m.getEnclosingElement()).getQualifiedName().toString();
  }

  static String descriptor(ExecutableElement m, Types types) {
    StringBuilder sb = new StringBuilder(m.getSimpleName()).append('(');
    for (VariableElement p : m.getParameters()) {
      sb.append(of(p.asType(), types));
    }
    return sb.append(')').append(of(m.getReturnType(), types)).toString();
  }

  private static String of(TypeMirror t, Types types) {
    TypeMirror e = types.erasure(t);
    return switch (e.getKind()) {
      case BOOLEAN -> "Z";
      case BYTE -> "B";
      case CHAR -> "C";
      case SHORT -> "S";
      case INT -> "I";
      case LONG -> "J";
      case FLOAT -> "F";
      case DOUBLE -> "D";
      case VOID -> "V";
      case ARRAY -> "[" + of(((ArrayType) e).getComponentType(), types);
      case DECLARED -> "L" + binaryName((TypeElement) types.asElement(e)) + ";";
      default -> "Ljava/lang/Object;";
    };
  }

  private static String binaryName(TypeElement te) {
    if (te.getEnclosingElement() instanceof TypeElement outer) {
      return binaryName(outer) + "$" + te.getSimpleName();
    }
    return te.getQualifiedName().toString().replace('.', '/');
  }
}
