package dev.custody.domains.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * How the proxy of one domain-interface method delivers the failures of a call, decided from the
 * method's {@code throws} clause.
 *
 * <ul>
 *   <li><b>Direct</b>: the method declares {@code CrossDomainException} or a supertype. Every
 *       failure is thrown as it is; the generated code has no delivery step.
 *   <li><b>Narrow</b>: the method declares only subclasses of {@code CrossDomainException} (plus,
 *       perhaps, unrelated checked exceptions). A failure that is an instance of a declared type
 *       is thrown as it is; any other is converted into the <em>conversion target</em>, the first
 *       type in the {@code throws} clause that can carry another failure: {@code
 *       DomainFailedException}, {@code RevokedException} and {@code CallRefusedException} always
 *       can (through {@code ProxySupport.asFailed}/{@code asRevoked}/{@code asRefused}), a
 *       user-defined subclass can if it is a concrete, accessible, non-inner class with a public
 *       {@code (String, Throwable)} constructor.
 * </ul>
 *
 * <p>A narrow method whose declared types miss some failure kind and have no conversion target
 * is rejected; {@link #error} says why. Immutable.
 */
final class FailureDelivery {
  static final String PKG = "dev.custody.domains";
  static final String CROSS_DOMAIN_EXCEPTION = PKG + ".CrossDomainException";
  /** The failures a proxy raises itself, each a direct subclass of CrossDomainException. */
  static final List<String> KINDS =
      List.of(PKG + ".RevokedException", PKG + ".CallRefusedException", PKG + ".DomainFailedException");

  /** How the proxy builds the conversion target from a failure {@code c$}. */
  enum Target { REVOKED, REFUSED, FAILED, CONSTRUCTOR } // the first three in the order of KINDS

  private final boolean direct;
  private final List<TypeMirror> declared;
  private final TypeMirror target;
  private final Target how;
  private final String error;

  private FailureDelivery(boolean direct, List<TypeMirror> declared, TypeMirror target, Target how, String error) {
    this.direct = direct;
    this.declared = declared;
    this.target = target;
    this.how = how;
    this.error = error;
  }

  /**
   * Decides the delivery of a method with the given thrown types, as seen from the package {@code
   * pkg} of the generated proxy; {@code sig} names the method in error messages.
   */
  static FailureDelivery of(List<? extends TypeMirror> thrown, PackageElement pkg, String sig, Types types, Elements elements) {
    TypeMirror cde = elements.getTypeElement(CROSS_DOMAIN_EXCEPTION).asType();
    if (thrown.stream().anyMatch(t -> types.isSubtype(cde, t))) {
      return new FailureDelivery(true, List.of(), null, null, null);
    }
    List<TypeMirror> declared = new ArrayList<>();
    for (TypeMirror t : thrown) {
      if (types.isSubtype(t, cde)) {
        declared.add(t);
      }
    }
    if (declared.isEmpty()) {
      return new FailureDelivery(false, declared, null, null,
          sig + " must declare 'throws CrossDomainException' (or a subclass of it): a call into another"
              + " domain can fail");
    }
    List<String> missing = new ArrayList<>();
    for (String k : KINDS) {
      TypeMirror kind = elements.getTypeElement(k).asType();
      if (declared.stream().noneMatch(d -> types.isSubtype(kind, d))) {
        missing.add(simple(k));
      }
    }
    List<String> unusable = new ArrayList<>();
    String lacksConstructor = null;
    for (TypeMirror d : declared) {
      TypeElement te = (TypeElement) types.asElement(d);
      String q = te.getQualifiedName().toString();
      int builtin = KINDS.indexOf(q);
      if (builtin >= 0) {
        return new FailureDelivery(false, declared, d, Target.values()[builtin], null);
      }
      String why = whyNoConstructor(te, pkg, types, elements);
      if (why == null) {
        return new FailureDelivery(false, declared, d, Target.CONSTRUCTOR, null);
      }
      unusable.add(why);
      if (lacksConstructor == null && why.endsWith("(String, Throwable) constructor")) {
        lacksConstructor = te.getSimpleName().toString();
      }
    }
    if (missing.isEmpty()) {
      // Unreachable in practice (the built-in kinds are convertible), kept for a total function.
      return new FailureDelivery(false, declared, null, null, null);
    }
    String names = declared.stream().map(FailureDelivery::simple).collect(Collectors.joining(", "));
    String fix = lacksConstructor != null
        ? "give " + lacksConstructor + " a public " + lacksConstructor + "(String, Throwable) constructor"
        : "declare a concrete, accessible, static subclass with a public (String, Throwable) constructor";
    return new FailureDelivery(false, declared, null, null,
        sig + " declares only " + names + ", so its proxy must convert " + String.join(", ", missing)
            + " into a declared type, but " + String.join("; ", unusable)
            + ": declare CrossDomainException, or " + fix);
  }

  /** Null if the proxy in {@code pkg} can call {@code new te(String, Throwable)}, else why not. */
  private static String whyNoConstructor(TypeElement te, PackageElement pkg, Types types, Elements elements) {
    String n = te.getSimpleName().toString();
    if (te.getKind() != ElementKind.CLASS || te.getModifiers().contains(Modifier.ABSTRACT)) {
      return n + " is abstract";
    }
    if (te.getNestingKind() == NestingKind.MEMBER && !te.getModifiers().contains(Modifier.STATIC)) {
      return n + " is an inner class (make it static)";
    }
    boolean samePackage = elements.getPackageOf(te).equals(pkg);
    for (Element e = te; e instanceof TypeElement; e = e.getEnclosingElement()) {
      Set<Modifier> mods = e.getModifiers();
      if (mods.contains(Modifier.PRIVATE) || (!samePackage && !mods.contains(Modifier.PUBLIC))) {
        return n + " is not accessible from the proxy";
      }
    }
    TypeMirror string = elements.getTypeElement("java.lang.String").asType();
    TypeMirror throwable = elements.getTypeElement("java.lang.Throwable").asType();
    for (ExecutableElement c : ElementFilter.constructorsIn(te.getEnclosedElements())) {
      if (c.getModifiers().contains(Modifier.PUBLIC) && c.getParameters().size() == 2
          && types.isSameType(c.getParameters().get(0).asType(), string)
          && types.isSameType(c.getParameters().get(1).asType(), throwable)) {
        return null;
      }
    }
    return n + " has no public " + n + "(String, Throwable) constructor";
  }

  /** True if the method declares CrossDomainException or a supertype: no delivery code. */
  boolean direct() {
    return direct;
  }

  /** The error that rejects the method, or null. */
  String error() {
    return error;
  }

  /** The declared subclasses of CrossDomainException, in {@code throws} order (narrow only). */
  List<TypeMirror> declared() {
    return declared;
  }

  /** The type other failures are converted into (narrow only). */
  TypeMirror target() {
    return target;
  }

  /** How the conversion target is built (narrow only). */
  Target how() {
    return how;
  }

  private static String simple(TypeMirror t) {
    return simple(t.toString());
  }

  private static String simple(String s) {
    int dot = s.lastIndexOf('.');
    return dot < 0 ? s : s.substring(dot + 1);
  }
}
