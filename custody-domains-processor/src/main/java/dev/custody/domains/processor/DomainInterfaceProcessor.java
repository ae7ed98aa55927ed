package dev.custody.domains.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Generated;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Generates a typed proxy for every interface annotated {@code @DomainInterface}, at compile
 * time, with JavaPoet. For {@code p.Stage} it writes {@code p.StageProxy} ({@code
 * p.Outer_StageProxy} for a nested {@code Outer.Stage}); see {@code DomainInterface} for the
 * contract of the generated class.
 *
 * <p>Failures: a method that declares {@code CrossDomainException} (or a supertype) gets the
 * direct form, in which every failure is thrown as it is and nothing is added to the call path. A
 * method that declares only subclasses gets, around the same code, a {@code catch
 * (CrossDomainException)} that hands the failure to a generated {@code deliver$M<i>} method:
 * declared kinds are rethrown, others converted into the first declared type that can carry them
 * (see {@link FailureDelivery} and {@code DomainInterface}).
 *
 * <p>Errors are reported on the element the user wrote: the method for a missing {@code throws
 * CrossDomainException} (or for subclasses none of which can carry a conversion), the parameter for a parameter type that may not cross, the method for a
 * return type that may not cross, the interface for problems of inherited methods. Every message
 * starts with {@code [custody.domains]} and names the method and the type. An interface with
 * errors gets no proxy.
 */
@SupportedAnnotationTypes(Crossing.DOMAIN_INTERFACE)
public final class DomainInterfaceProcessor extends AbstractProcessor {
  private static final String PKG = "dev.custody.domains";
  private static final ClassName RREF = ClassName.get(PKG, "RRef");
  private static final ClassName DOMAIN_METHOD = ClassName.get(PKG, "DomainMethod");
  private static final ClassName CALL_CONTEXT = ClassName.get(PKG, "CallContext");
  private static final ClassName CALL_DEADLINE = ClassName.get(PKG, "CallDeadline");
  private static final ClassName SUPPORT = ClassName.get(PKG, "ProxySupport");
  private static final ClassName CDE = ClassName.get(PKG, "CrossDomainException");
  private static final String CROSS_DOMAIN_EXCEPTION = FailureDelivery.CROSS_DOMAIN_EXCEPTION;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        try {
          processElement(e);
        } catch (IOException ex) {
          error(e, "could not write the proxy of " + e + ": " + ex);
        }
      }
    }
    return false;
  }

  private void processElement(Element e) throws IOException {
    if (e.getKind() != ElementKind.INTERFACE) {
      error(e, "@DomainInterface applies to interfaces; " + e.getSimpleName() + " is a " + e.getKind().toString().toLowerCase().replace('_', ' '));
      return;
    }
    TypeElement iface = (TypeElement) e;
    boolean ok = true;
    if (!iface.getTypeParameters().isEmpty()) {
      error(iface, "@DomainInterface " + iface.getSimpleName() + " must not be generic: type parameters cannot be checked for crossing");
      ok = false;
    }
    for (Element t = iface; t.getKind() != ElementKind.PACKAGE; t = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        error(iface, "@DomainInterface " + iface.getSimpleName() + " must not be private (nor nested in a private type): its proxy is generated beside it");
        ok = false;
        break;
      }
    }
    Elements elements = processingEnv.getElementUtils();
    Types types = processingEnv.getTypeUtils();
    if (elementType(CROSS_DOMAIN_EXCEPTION) == null) {
      error(iface, "@DomainInterface " + iface.getSimpleName() + ": " + CROSS_DOMAIN_EXCEPTION + " is not on the class path (add custody-domains)");
      return;
    }
    Crossing crossing = new Crossing(types);
    DeclaredType declared = (DeclaredType) iface.asType();
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(iface))) {
      if (!m.getModifiers().contains(Modifier.ABSTRACT) || isObjectMethod(m)) {
        continue;
      }
      methods.add(m);
      ok &= check(iface, declared, m, crossing);
    }
    if (ok) {
      generate(iface, declared, methods, crossing);
    }
  }

  private boolean check(TypeElement iface, DeclaredType declared, ExecutableElement m, Crossing crossing) {
    Types types = processingEnv.getTypeUtils();
    ExecutableType mt = (ExecutableType) types.asMemberOf(declared, m);
    boolean own = m.getEnclosingElement().equals(iface);
    String where = iface.getSimpleName() + "." + m.getSimpleName();
    String sig = where + "(" + m.getParameters().stream().map(p -> simple(p.asType())).collect(Collectors.joining(", ")) + ")";
    boolean ok = true;
    // The proxy raises every kind of CrossDomainException (revoked, refused, failed): the method
    // must declare the class, or subclasses into which the proxy can deliver all three kinds.
    FailureDelivery delivery = FailureDelivery.of(mt.getThrownTypes(),
        processingEnv.getElementUtils().getPackageOf(iface), sig, types, processingEnv.getElementUtils());
    if (delivery.error() != null) {
      error(own ? m : iface, delivery.error());
      ok = false;
    }
    if (!m.getTypeParameters().isEmpty()) {
      error(own ? m : iface, sig + " must not be generic: type parameters cannot be checked for crossing");
      ok = false;
    }
    for (int i = 0; i < m.getParameters().size(); i++) {
      VariableElement p = m.getParameters().get(i);
      if (Crossing.hasAnnotation(p, Crossing.BORROWED)) {
        continue;
      }
      TypeMirror pt = mt.getParameterTypes().get(i);
      String why = crossing.whyNot(pt);
      if (why != null) {
        error(own ? p : iface, where + ": parameter '" + p.getSimpleName() + "' has type " + pt
            + ", which may not cross a domain boundary: " + why + " (" + Crossing.ALLOWED
            + "; or annotate the parameter @Borrowed)");
        ok = false;
      }
    }
    TypeMirror rt = mt.getReturnType();
    if (rt.getKind() != TypeKind.VOID) {
      String why = crossing.whyNot(rt);
      if (why != null) {
        error(own ? m : iface, where + " returns " + rt + ", which may not cross a domain boundary: "
            + why + " (" + Crossing.ALLOWED + ")");
        ok = false;
      }
    }
    return ok;
  }

  private void generate(TypeElement iface, DeclaredType declared, List<ExecutableElement> methods, Crossing crossing) throws IOException {
    Types types = processingEnv.getTypeUtils();
    PackageElement pkg = processingEnv.getElementUtils().getPackageOf(iface);
    String pkgName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    ClassName ifaceName = ClassName.get(iface);
    String proxyName = String.join("_", ifaceName.simpleNames()) + "Proxy";
    TypeName refType = ParameterizedTypeName.get(RREF, ifaceName);

    TypeSpec.Builder proxy = TypeSpec.classBuilder(proxyName)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ifaceName)
        .addOriginatingElement(iface)
        .addAnnotation(AnnotationSpec.builder(Generated.class)
            .addMember("value", "$S", DomainInterfaceProcessor.class.getName()).build())
        .addJavadoc("Typed cross-domain proxy for {@link $T}, generated by Custody: calls go through an\n"
            + "{@link $T} into the domain that owns the object.\n", ifaceName, RREF)
        .addField(refType, "ref", Modifier.PRIVATE, Modifier.FINAL)
        .addField(FieldSpec.builder(CALL_CONTEXT, "cx$", Modifier.PRIVATE)
            .addJavadoc("Context of the thread that uses this proxy most; saves a ThreadLocal lookup.\n").build())
        .addMethod(MethodSpec.methodBuilder("cx$miss").addModifiers(Modifier.PRIVATE).returns(CALL_CONTEXT)
            .addStatement("final $T cx = $T.context()", CALL_CONTEXT, SUPPORT)
            .beginControlFlow("if ($T.adopt(this.cx$$, cx))", SUPPORT)
            .addStatement("this.cx$$ = cx")
            .endControlFlow()
            .addStatement("return cx").build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addParameter(refType, "ref")
            .addStatement("this.ref = $T.requireNonNull(ref, $S)", java.util.Objects.class, "ref")
            .build())
        .addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ifaceName).addParameter(refType, "ref")
            .addStatement("return new $L(ref)", proxyName).build());
    boolean userHasRref = methods.stream().anyMatch(m -> m.getSimpleName().contentEquals("rref") && m.getParameters().isEmpty());
    if (!userHasRref) {
      proxy.addMethod(MethodSpec.methodBuilder("rref").addModifiers(Modifier.PUBLIC)
          .addJavadoc("The reference this proxy calls through.\n")
          .returns(refType).addStatement("return ref").build());
    }

    for (int i = 0; i < methods.size(); i++) {
      ExecutableElement m = methods.get(i);
      ExecutableType mt = (ExecutableType) types.asMemberOf(declared, m);
      String constant = "M" + i;
      proxy.addField(FieldSpec.builder(DOMAIN_METHOD, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.of($T.class, $S)", DOMAIN_METHOD, ifaceName, m.getSimpleName().toString()).build());
      FailureDelivery delivery = FailureDelivery.of(mt.getThrownTypes(), pkg, m.getSimpleName().toString(),
          types, processingEnv.getElementUtils());
      addMethod(proxy, ifaceName, refType, m, mt, constant, delivery, crossing, types);
    }
    JavaFile.builder(pkgName, proxy.build()).skipJavaLangImports(true).build().writeTo(processingEnv.getFiler());
  }

  private void addMethod(TypeSpec.Builder proxy, ClassName ifaceName, TypeName refType, ExecutableElement m,
      ExecutableType mt, String constant, FailureDelivery delivery, Crossing crossing, Types types) {
    String name = m.getSimpleName().toString();
    TypeName ret = TypeName.get(mt.getReturnType());
    boolean isVoid = mt.getReturnType().getKind() == TypeKind.VOID;
    List<ParameterSpec> params = new ArrayList<>();
    List<String> callArgs = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    CodeBlock.Builder moves = CodeBlock.builder();
    for (int i = 0; i < m.getParameters().size(); i++) {
      VariableElement p = m.getParameters().get(i);
      TypeMirror pt = mt.getParameterTypes().get(i);
      String pn = p.getSimpleName().toString();
      params.add(ParameterSpec.builder(TypeName.get(pt), pn, Modifier.FINAL).build());
      if (crossing.isOwned(pt) && !Crossing.hasAnnotation(p, Crossing.BORROWED)) {
        String mv = pn + "$moved";
        moves.addStatement("final $T $L = $T.move($L, $L, $S)", TypeName.get(pt), mv, SUPPORT, pn, constant, pn);
        callArgs.add(mv);
        moved.add(mv);
      } else {
        callArgs.add(pn);
      }
    }
    List<TypeName> declaredChecked = new ArrayList<>();
    List<TypeName> thrown = new ArrayList<>();
    TypeMirror runtime = elementType("java.lang.RuntimeException");
    TypeMirror error = elementType("java.lang.Error");
    for (TypeMirror t : mt.getThrownTypes()) {
      thrown.add(TypeName.get(t));
      if (!types.isSubtype(t, runtime) && !types.isSubtype(t, error)) {
        declaredChecked.add(TypeName.get(t));
      }
    }
    String args = String.join(", ", callArgs);
    String movedTail = moved.isEmpty() ? "" : ", " + String.join(", ", moved);
    String invoke = "t$." + name + "(" + args + ")";
    String timedName = name + "$timed";
    String timedArgs = "r$, cx$, caller$, t$" + (args.isEmpty() ? "" : ", " + args);

    // Fast path: every instruction here is on the measured call path (see RRefCallBenchmark).
    MethodSpec.Builder b = MethodSpec.methodBuilder(name).addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(ret).addParameters(params).addExceptions(thrown)
        .varargs(m.isVarArgs());
    boolean narrow = !delivery.direct();
    String deliver = "deliver$" + constant;
    if (narrow) {
      // Off the hot path of a direct method: only narrow methods get this outer try.
      b.beginControlFlow("try");
    }
    b.addStatement("final $T r$$ = this.ref", refType);
    b.addStatement("final $T cached$$ = this.cx$$", CALL_CONTEXT);
    b.addStatement("final $T cx$$ = $T.current(cached$$) ? cached$$ : cx$$miss()", CALL_CONTEXT, SUPPORT);
    b.addStatement("final int caller$$ = $T.caller(cx$$)", SUPPORT);
    b.addStatement("final $T t$$ = $T.enter(r$$, caller$$, $L)", ifaceName, SUPPORT, constant);
    b.addCode(moves.build());
    b.beginControlFlow("if ($T.timed(r$$))", SUPPORT);
    if (isVoid) {
      b.addStatement("$L($L)", timedName, timedArgs).addStatement("return");
    } else {
      b.addStatement("return $L($L)", timedName, timedArgs);
    }
    b.endControlFlow();
    b.addStatement("$T.switchTo(cx$$, r$$)", SUPPORT);
    b.beginControlFlow("try");
    b.addStatement(isVoid ? "$L" : "return $L", invoke);
    b.nextControlFlow("catch ($T | $T e$$)", RuntimeException.class, Error.class);
    b.addStatement("throw $T.failed(r$$, caller$$, $L, e$$$L)", SUPPORT, constant, movedTail);
    b.nextControlFlow("catch ($T e$$)", Throwable.class);
    for (TypeName x : declaredChecked) {
      b.addStatement("if (e$$ instanceof $T x$$) throw x$$", x);
    }
    b.addStatement("throw $T.failed(r$$, caller$$, $L, e$$$L)", SUPPORT, constant, movedTail);
    b.nextControlFlow("finally");
    b.addStatement("$T.restore(cx$$, caller$$)", SUPPORT);
    b.endControlFlow();
    if (narrow) {
      b.nextControlFlow("catch ($T c$$)", CDE);
      b.addStatement("throw $L(c$$)", deliver);
      b.endControlFlow();
      proxy.addMethod(deliverMethod(deliver, delivery));
    }
    proxy.addMethod(b.build());

    // Slow path for calls with a deadline, kept out of line so the fast path stays small.
    MethodSpec.Builder s = MethodSpec.methodBuilder(timedName).addModifiers(Modifier.PRIVATE)
        .returns(ret).addExceptions(thrown)
        .addExceptions(narrow ? List.of(CDE) : List.of())
        .addParameter(refType, "r$").addParameter(CALL_CONTEXT, "cx$").addParameter(TypeName.INT, "caller$")
        .addParameter(ifaceName, "t$");
    for (int i = 0; i < params.size(); i++) {
      ParameterSpec p = params.get(i);
      s.addParameter(ParameterSpec.builder(p.type(), callArgs.get(i), Modifier.FINAL).build());
    }
    s.addStatement("final $T d$$ = $T.arm(r$$, $L)", CALL_DEADLINE, SUPPORT, constant);
    if (!isVoid) {
      s.addStatement("final $T result$$", ret);
    }
    s.addStatement("$T.switchTo(cx$$, r$$)", SUPPORT);
    s.beginControlFlow("try");
    s.addStatement(isVoid ? "$L" : "result$$ = $L", invoke);
    s.nextControlFlow("catch ($T | $T e$$)", RuntimeException.class, Error.class);
    s.addStatement("throw $T.failedTimed(r$$, caller$$, $L, d$$, e$$$L)", SUPPORT, constant, movedTail);
    s.nextControlFlow("catch ($T e$$)", Throwable.class);
    for (TypeName x : declaredChecked) {
      s.addStatement("if (e$$ instanceof $T x$$) throw $T.passedTimed(r$$, caller$$, $L, d$$, x$$$L)", x, SUPPORT, constant, movedTail);
    }
    s.addStatement("throw $T.failedTimed(r$$, caller$$, $L, d$$, e$$$L)", SUPPORT, constant, movedTail);
    s.nextControlFlow("finally");
    s.addStatement("$T.restore(cx$$, caller$$)", SUPPORT);
    s.endControlFlow();
    s.addStatement("$T.completedTimed(r$$, caller$$, $L, d$$)", SUPPORT, constant);
    if (!isVoid) {
      s.addStatement("return result$$");
    }
    proxy.addMethod(s.build());
  }

  /**
   * The failure delivery of a narrow method: a declared failure is thrown as it is, any other is
   * converted into the conversion target (see {@link FailureDelivery}). Runs on the caller's side,
   * after the callee's domain was left.
   */
  private static MethodSpec deliverMethod(String name, FailureDelivery delivery) {
    TypeName target = TypeName.get(delivery.target());
    MethodSpec.Builder d = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(target).addParameter(ParameterSpec.builder(CDE, "c$", Modifier.FINAL).build());
    for (TypeMirror t : delivery.declared()) {
      d.addException(TypeName.get(t));
      d.addStatement("if (c$$ instanceof $T x$$) throw x$$", TypeName.get(t));
    }
    switch (delivery.how()) {
      case FAILED -> d.addStatement("return $T.asFailed(c$$)", SUPPORT);
      case REVOKED -> d.addStatement("return $T.asRevoked(c$$)", SUPPORT);
      case REFUSED -> d.addStatement("return $T.asRefused(c$$)", SUPPORT);
      case CONSTRUCTOR -> d.addStatement("return new $T($T.deliveredMessage(c$$, $T.class), c$$)", target, SUPPORT, target);
    }
    return d.build();
  }

  private TypeMirror elementType(String qualifiedName) {
    TypeElement te = processingEnv.getElementUtils().getTypeElement(qualifiedName);
    return te == null ? null : te.asType();
  }

  private static boolean isObjectMethod(ExecutableElement m) {
    String n = m.getSimpleName().toString();
    int arity = m.getParameters().size();
    return (arity == 0 && (n.equals("toString") || n.equals("hashCode")))
        || (arity == 1 && n.equals("equals")
            && m.getParameters().get(0).asType().toString().equals("java.lang.Object"));
  }

  private static String simple(TypeMirror t) {
    String s = t.toString();
    int lt = s.indexOf('<');
    String head = lt < 0 ? s : s.substring(0, lt);
    int dot = head.lastIndexOf('.');
    return dot < 0 ? s : s.substring(dot + 1);
  }

  private void error(Element e, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "[custody.domains] " + message, e);
  }

}
