package dev.custody.checkpoint.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code Foo_Checkpoint}: straight-line copy code, one statement block per field, with
 * loops for arrays and containers and the {@code Shared} protocol of {@code CopyContext} inlined,
 * so that the JIT sees monomorphic, unboxed code.
 */
final class Generator {
  static final String RUNTIME = "dev.custody.checkpoint";
  static final ClassName CODEC = ClassName.get(RUNTIME, "CheckpointCodec");
  static final ClassName CTX = ClassName.get(RUNTIME, "CopyContext");
  static final ClassName CONTAINERS = ClassName.get(RUNTIME, "Containers");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  /** One copied field of a class, or component of a record. */
  record Member(String name, Element element, TypeModel model, boolean isFinal) {}

  private final Types types;
  private final Elements elements;
  private int counter;

  Generator(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** The generated codec's name: the flattened nested names plus {@code _Checkpoint}. */
  static ClassName codecName(TypeElement e, Elements elements) {
    String pkg = ((PackageElement) elements.getPackageOf(e)).getQualifiedName().toString();
    StringBuilder flat = new StringBuilder(e.getSimpleName());
    for (Element o = e.getEnclosingElement(); o instanceof TypeElement t; o = t.getEnclosingElement()) {
      flat.insert(0, t.getSimpleName() + "_");
    }
    return ClassName.get(pkg, flat + "_Checkpoint");
  }

  private ClassName codecOf(TypeElement e) {
    return codecName(e, elements);
  }

  TypeSpec generate(TypeElement type, boolean isRecord, List<Member> members) {
    ClassName self = codecOf(type);
    TypeName t = TypeName.get(type.asType());
    ParameterizedTypeName iface = ParameterizedTypeName.get(CODEC, t);
    ParameterizedTypeName classOfT = ParameterizedTypeName.get(ClassName.get(Class.class), t);
    TypeSpec.Builder spec =
        TypeSpec.classBuilder(self)
            .addOriginatingElement(type)
            .addJavadoc(
                "Checkpoint and restore code for {@link $T}, generated from its $L.\n"
                    + "<p>Stateless and thread-safe; see {@code CopyContext} for sharing rules.\n",
                t,
                isRecord ? "components" : "fields")
            .addAnnotation(
                AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", CheckpointProcessor.class.getName())
                    .build())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(iface)
            .addField(
                FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T()", self)
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("For {@link java.util.ServiceLoader}; use {@link #INSTANCE}.\n")
                    .addModifiers(Modifier.PUBLIC)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("type")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(classOfT)
                    .addStatement("return $T.class", types.erasure(type.asType()))
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("restorableInPlace")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(boolean.class)
                    .addStatement("return $L", !isRecord)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("copy")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(t)
                    .addParameter(t, "src")
                    .addParameter(CTX, "ctx")
                    .addStatement("return copyOf(src, ctx)")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("copyIncremental")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(t)
                    .addParameter(t, "src")
                    .addParameter(t, "previous")
                    .addParameter(CTX, "ctx")
                    .addStatement("return copyIncrementalOf(src, previous, ctx)")
                    .build())
            .addMethod(incremental(type, t, isRecord, members));
    MethodSpec.Builder restore =
        MethodSpec.methodBuilder("restoreInto")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(t, "live")
            .addParameter(t, "snapshot")
            .addParameter(CTX, "ctx");
    if (isRecord) {
      restore.addStatement(
          "throw new $T($S)",
          UnsupportedOperationException.class,
          "record " + type.getQualifiedName() + " is immutable; restore a fresh copy");
      spec.addMethod(restore.build()).addMethod(recordCopy(type, t, members));
    } else {
      restore.addStatement("fill(live, snapshot, ctx)");
      spec.addMethod(restore.build())
          .addMethod(classCopy(type, t))
          .addMethod(fill(type, t, members))
          .addMethod(assign(type, t, members));
    }
    return spec.build();
  }

  private MethodSpec.Builder copyHeader(TypeName t) {
    return MethodSpec.methodBuilder("copyOf")
        .addJavadoc("A deep copy of {@code src} (null for null); {@code Shared} fields follow {@code ctx}.\n")
        .addAnnotation(
            AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(t)
        .addParameter(t, "src")
        .addParameter(CTX, "ctx")
        .beginControlFlow("if (src == null)")
        .addStatement("return null")
        .endControlFlow()
        .beginControlFlow("if (ctx.tracksEveryObject)")
        .addStatement("$T seen = ctx.seen(src)", Object.class)
        .beginControlFlow("if (seen != null)")
        .addStatement("return ($T) seen", t)
        .endControlFlow()
        .endControlFlow();
  }

  private MethodSpec classCopy(TypeElement type, TypeName t) {
    return copyHeader(t)
        .addStatement("$T copy = new $T()", t, t)
        .addStatement("ctx.countCopy()")
        .beginControlFlow("if (ctx.tracksEveryObject)")
        .addStatement("ctx.record(src, copy)")
        .endControlFlow()
        .addStatement("fill(copy, src, ctx)")
        .addStatement("return copy")
        .build();
  }

  private MethodSpec recordCopy(TypeElement type, TypeName t, List<Member> members) {
    counter = 0;
    MethodSpec.Builder m = copyHeader(t);
    CodeBlock.Builder body = CodeBlock.builder();
    List<CodeBlock> args = new ArrayList<>();
    for (Member member : members) {
      CodeBlock read = CodeBlock.of("src.$N()", member.name());
      CodeBlock copy = emitCopy(body, member.model(), read);
      if (member.model() instanceof TypeModel.Leaf) {
        args.add(copy);
      } else {
        String local = "v" + (++counter);
        body.addStatement("$T $N = $L", TypeName.get(member.model().type()), local, copy);
        args.add(CodeBlock.of("$N", local));
      }
    }
    body.addStatement("$T copy = new $T($L)", t, t, CodeBlock.join(args, ", "));
    body.addStatement("ctx.countCopy()");
    body.beginControlFlow("if (ctx.tracksEveryObject)").addStatement("ctx.record(src, copy)").endControlFlow();
    body.addStatement("return copy");
    return m.addCode(body.build()).build();
  }

  private MethodSpec fill(TypeElement type, TypeName t, List<Member> members) {
    counter = 0;
    CodeBlock.Builder body = CodeBlock.builder();
    for (Member member : members) {
      String f = member.name();
      TypeModel model = member.model();
      if (!member.isFinal()) {
        CodeBlock copy = emitCopy(body, model, CodeBlock.of("src.$N", f));
        body.addStatement("dst.$N = $L", f, copy);
      } else {
        refillFinal(body, type, member);
      }
    }
    return MethodSpec.methodBuilder("fill")
        .addJavadoc(
            "Sets every field of {@code dst} to a copy of the field of {@code src}; final\n"
                + "containers are refilled and final checkpointable objects filled in place.\n")
        .addAnnotation(
            AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(t, "dst")
        .addParameter(t, "src")
        .addParameter(CTX, "ctx")
        .addCode(body.build())
        .build();
  }

  private void refillFinal(CodeBlock.Builder b, TypeElement owner, Member member) {
    int n = ++counter;
    String d = "d" + n;
    String s = "s" + n;
    TypeName ft = TypeName.get(member.model().type());
    b.addStatement("$T $N = dst.$N", ft, d, member.name());
    b.addStatement("$T $N = src.$N", ft, s, member.name());
    b.beginControlFlow("if ($N == null || $N == null)", d, s)
        .beginControlFlow("if ($N != $N)", d, s)
        .addStatement(
            "throw new $T($S)",
            IllegalStateException.class,
            "final field " + owner.getQualifiedName() + "." + member.name()
                + " is null in one graph and not in the other")
        .endControlFlow()
        .nextControlFlow("else if ($N != $N)", d, s);
    b.addStatement("ctx.countCopy()"); // made by the constructor, filled here
    switch (member.model()) {
      case TypeModel.Codec c -> {
        b.beginControlFlow("if (ctx.tracksEveryObject)").addStatement("ctx.record($N, $N)", s, d).endControlFlow();
        b.addStatement("$T.fill($N, $N, ctx)", codecOf(c.element()), d, s);
      }
      case TypeModel.CollectionOf c -> {
        b.addStatement("$N.clear()", d);
        fillCollection(b, c, s, d);
      }
      case TypeModel.MapOf m -> {
        b.addStatement("$N.clear()", d);
        fillMap(b, m, s, d);
      }
      default -> throw new IllegalArgumentException("not refillable: " + member);
    }
    b.endControlFlow();
  }

  /**
   * Emits statements into {@code b} that copy the value of {@code src} (evaluated once) and
   * returns an expression for the copy.
   */
  private CodeBlock emitCopy(CodeBlock.Builder b, TypeModel model, CodeBlock src) {
    return switch (model) {
      case TypeModel.Leaf l -> src;
      case TypeModel.Codec c -> CodeBlock.of("$T.copyOf($L, ctx)", codecOf(c.element()), src);
      case TypeModel.SharedOf s -> emitShared(b, s, src);
      case TypeModel.ArrayOf a -> emitTracked(b, a, src, (s, c) -> fillArray(b, a, s, c));
      case TypeModel.CollectionOf c -> emitTracked(b, c, src, (s, t) -> fillCollection(b, c, s, t));
      case TypeModel.MapOf m -> emitTracked(b, m, src, (s, t) -> fillMap(b, m, s, t));
    };
  }

  private CodeBlock emitShared(CodeBlock.Builder b, TypeModel.SharedOf model, CodeBlock src) {
    int n = ++counter;
    String s = "s" + n;
    String c = "c" + n;
    TypeName t = TypeName.get(model.type());
    b.addStatement("$T $N = $L", t, s, src);
    b.addStatement("$T $N = null", t, c);
    b.beginControlFlow("if ($N != null)", s);
    b.addStatement("$N = ctx.copyOf($N)", c, s);
    b.beginControlFlow("if ($N == null)", c);
    b.add("// First visit in this checkpoint: register the copy before copying the target (cycles).\n");
    b.addStatement("$N = ctx.newCopy($N)", c, s);
    b.addStatement("ctx.countCopy()");
    CodeBlock target = emitCopy(b, model.target(), CodeBlock.of("$N.get()", s));
    b.addStatement("$T.setTarget($N, $L)", CTX, c, target);
    b.endControlFlow();
    b.endControlFlow();
    return CodeBlock.of("$N", c);
  }

  private interface Filler {
    /** Emits the code that fills container {@code copy} from {@code src}. */
    void fill(String src, String copy);
  }

  /** Arrays and containers: null check, identity-tracking hook, new container, fill, freeze. */
  private CodeBlock emitTracked(CodeBlock.Builder b, TypeModel model, CodeBlock src, Filler filler) {
    int n = ++counter;
    String s = "s" + n;
    String c = "c" + n;
    String seen = "seen" + n;
    TypeName t = TypeName.get(model.type());
    b.addStatement("$T $N = $L", t, s, src);
    b.addStatement("$T $N = null", t, c);
    b.beginControlFlow("if ($N != null)", s);
    b.addStatement("$T $N = ctx.tracksEveryObject ? ctx.seen($N) : null", Object.class, seen, s);
    b.beginControlFlow("if ($N != null)", seen);
    b.addStatement("$N = ($T) $N", c, t, seen);
    b.nextControlFlow("else");
    boolean freeze = false;
    String target = c;
    switch (model) {
      case TypeModel.ArrayOf a when a.component() instanceof TypeModel.Leaf ->
          b.addStatement("$N = $N.clone()", c, s);
      case TypeModel.ArrayOf a -> b.addStatement("$N = $L", c, newArray((ArrayType) a.type(), s));
      case TypeModel.CollectionOf col -> {
        freeze = col.kind().equals("List") || col.kind().equals("Set");
        target = freeze ? "t" + n : c;
        if (freeze) {
          b.addStatement("$T $N = $L", t, target, newContainer(col.kind(), s, model.type()));
        } else {
          b.addStatement("$N = $L", c, newContainer(col.kind(), s, model.type()));
        }
      }
      case TypeModel.MapOf map -> {
        freeze = map.kind().equals("Map");
        target = freeze ? "t" + n : c;
        if (freeze) {
          b.addStatement("$T $N = $L", t, target, newContainer(map.kind(), s, model.type()));
        } else {
          b.addStatement("$N = $L", c, newContainer(map.kind(), s, model.type()));
        }
      }
      default -> throw new IllegalArgumentException(model.toString());
    }
    b.addStatement("ctx.countCopy()");
    b.beginControlFlow("if (ctx.tracksEveryObject)").addStatement("ctx.record($N, $N)", s, target).endControlFlow();
    if (!(model instanceof TypeModel.ArrayOf a && a.component() instanceof TypeModel.Leaf)) {
      filler.fill(s, target);
    }
    if (freeze) {
      b.addStatement("$N = $T.freezeLike($N, $N)", c, CONTAINERS, s, target);
    }
    b.endControlFlow();
    b.endControlFlow();
    return CodeBlock.of("$N", c);
  }

  private void fillArray(CodeBlock.Builder b, TypeModel.ArrayOf a, String s, String c) {
    String i = "i" + (++counter);
    b.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, s, i);
    CodeBlock e = emitCopy(b, a.component(), CodeBlock.of("$N[$N]", s, i));
    b.addStatement("$N[$N] = $L", c, i, e);
    b.endControlFlow();
  }

  private void fillCollection(CodeBlock.Builder b, TypeModel.CollectionOf col, String s, String c) {
    if (col.element() instanceof TypeModel.Leaf) {
      b.addStatement("$N.addAll($N)", c, s); // immutable elements: no per-element copy
      return;
    }
    String e = "e" + (++counter);
    b.beginControlFlow("for ($T $N : $N)", TypeName.get(col.element().type()).box(), e, s);
    CodeBlock copy = emitCopy(b, col.element(), CodeBlock.of("$N", e));
    b.addStatement("$N.add($L)", c, copy);
    b.endControlFlow();
  }

  private void fillMap(CodeBlock.Builder b, TypeModel.MapOf m, String s, String c) {
    if (m.key() instanceof TypeModel.Leaf && m.value() instanceof TypeModel.Leaf) {
      b.addStatement("$N.putAll($N)", c, s); // immutable keys and values: no per-entry copy
      return;
    }
    String e = "e" + (++counter);
    TypeName entry =
        ParameterizedTypeName.get(
            ClassName.get("java.util", "Map", "Entry"),
            TypeName.get(m.key().type()).box(),
            TypeName.get(m.value().type()).box());
    b.beginControlFlow("for ($T $N : $N.entrySet())", entry, e, s);
    CodeBlock k = emitCopy(b, m.key(), CodeBlock.of("$N.getKey()", e));
    CodeBlock v = emitCopy(b, m.value(), CodeBlock.of("$N.getValue()", e));
    b.addStatement("$N.put($L, $L)", c, k, v);
    b.endControlFlow();
  }

  // ---------------------------------------------------------------- incremental checkpoints

  /**
   * {@code copyIncrementalOf(src, previous, ctx)}: children first, then the previous copy itself
   * if every leaf is equal and every child result is the previous copy's child, else a new copy.
   */
  private MethodSpec incremental(TypeElement type, TypeName t, boolean isRecord, List<Member> members) {
    counter = 0;
    CodeBlock.Builder body = CodeBlock.builder();
    body.beginControlFlow("if (src == null)").addStatement("return null").endControlFlow();
    body.beginControlFlow("if (previous == null || ctx.tracksEveryObject)")
        .addStatement("return copyOf(src, ctx)")
        .endControlFlow();
    body.addStatement("boolean same = true");
    List<CodeBlock> values = new ArrayList<>();
    for (Member member : members) {
      CodeBlock read = CodeBlock.of(isRecord ? "src.$N()" : "src.$N", member.name());
      CodeBlock prevRead = CodeBlock.of(isRecord ? "previous.$N()" : "previous.$N", member.name());
      String v = "v" + (++counter);
      TypeName ft = TypeName.get(member.model().type());
      if (member.model() instanceof TypeModel.Leaf) {
        body.addStatement("$T $N = $L", ft, v, read);
        body.beginControlFlow("if (!($L))", leafEquals(member.model().type(), CodeBlock.of("$N", v), prevRead))
            .addStatement("same = false")
            .endControlFlow();
      } else {
        String p = "p" + counter;
        body.addStatement("$T $N = $L", ft, p, prevRead);
        CodeBlock r = emitIncremental(body, member.model(), read, p);
        body.addStatement("$T $N = $L", ft, v, r);
        body.beginControlFlow("if ($N != $N)", v, p).addStatement("same = false").endControlFlow();
      }
      values.add(CodeBlock.of("$N", v));
    }
    body.beginControlFlow("if (same)").addStatement("ctx.countReuse()").addStatement("return previous").endControlFlow();
    if (isRecord) {
      body.addStatement("$T copy = new $T($L)", t, t, CodeBlock.join(values, ", "));
    } else {
      body.addStatement("$T copy = new $T()", t, t);
      for (int k = 0; k < members.size(); k++) {
        Member member = members.get(k);
        if (!member.isFinal()) {
          body.addStatement("copy.$N = $L", member.name(), values.get(k));
        } else {
          assignFinal(body, type, member, CodeBlock.of("copy.$N", member.name()), values.get(k));
        }
      }
    }
    body.addStatement("ctx.countCopy()");
    body.addStatement("return copy");
    return MethodSpec.methodBuilder("copyIncrementalOf")
        .addJavadoc(
            "A copy of {@code src} that reuses every unchanged part of {@code previous}, a snapshot\n"
                + "of the same type (or null): {@code previous} itself if nothing under {@code src} differs.\n")
        .addAnnotation(
            AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(t)
        .addParameter(t, "src")
        .addParameter(t, "previous")
        .addParameter(CTX, "ctx")
        .addCode(body.build())
        .build();
  }

  /** Leaf equality: bitwise for float and double (0.0 vs -0.0, NaN), equals for objects. */
  private CodeBlock leafEquals(TypeMirror type, CodeBlock a, CodeBlock b) {
    return switch (type.getKind()) {
      case FLOAT -> CodeBlock.of("$T.floatToRawIntBits($L) == $T.floatToRawIntBits($L)", Float.class, a, Float.class, b);
      case DOUBLE ->
          CodeBlock.of("$T.doubleToRawLongBits($L) == $T.doubleToRawLongBits($L)", Double.class, a, Double.class, b);
      case BOOLEAN, BYTE, SHORT, CHAR, INT, LONG -> CodeBlock.of("$L == $L", a, b);
      default -> CodeBlock.of("$T.equals($L, $L)", ClassName.get("java.util", "Objects"), a, b);
    };
  }

  /**
   * A final field of a new copy made by {@code copyIncrementalOf}: its constructor-made value
   * {@code dst} takes the contents of {@code value} (snapshot objects, shared by reference).
   */
  private void assignFinal(CodeBlock.Builder b, TypeElement owner, Member member, CodeBlock dst, CodeBlock value) {
    if (member.model() instanceof TypeModel.Leaf) {
      return; // a final leaf is set by the constructor and cannot change
    }
    int n = ++counter;
    String d = "d" + n;
    TypeName ft = TypeName.get(member.model().type());
    b.addStatement("$T $N = $L", ft, d, dst);
    b.beginControlFlow("if ($N == null || $L == null)", d, value)
        .beginControlFlow("if ($N != $L)", d, value)
        .addStatement(
            "throw new $T($S)",
            IllegalStateException.class,
            "final field " + owner.getQualifiedName() + "." + member.name()
                + " is null in one graph and not in the other")
        .endControlFlow()
        .nextControlFlow("else");
    switch (member.model()) {
      case TypeModel.Codec c -> b.addStatement("$T.assign($N, $L)", codecOf(c.element()), d, value);
      case TypeModel.CollectionOf c -> b.addStatement("$N.clear()", d).addStatement("$N.addAll($L)", d, value);
      case TypeModel.MapOf m -> b.addStatement("$N.clear()", d).addStatement("$N.putAll($L)", d, value);
      default -> throw new IllegalArgumentException("final field not assignable: " + member);
    }
    b.endControlFlow();
  }

  /** {@code assign(dst, from)}: shallow, so that {@code dst} shares {@code from}'s children. */
  private MethodSpec assign(TypeElement type, TypeName t, List<Member> members) {
    counter = 0;
    CodeBlock.Builder body = CodeBlock.builder();
    for (Member member : members) {
      if (!member.isFinal()) {
        body.addStatement("dst.$N = from.$N", member.name(), member.name());
      } else {
        assignFinal(body, type, member, CodeBlock.of("dst.$N", member.name()), CodeBlock.of("from.$N", member.name()));
      }
    }
    return MethodSpec.methodBuilder("assign")
        .addJavadoc(
            "Incremental checkpoints: makes {@code dst}, a new snapshot object, refer to the children of\n"
                + "{@code from}, another snapshot object (snapshots share unchanged objects).\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(t, "dst")
        .addParameter(t, "from")
        .addCode(body.build())
        .build();
  }

  /**
   * Emits statements that compute the incremental copy of {@code src} (evaluated once) against
   * the local {@code prev} and returns an expression for it: {@code prev} itself if unchanged.
   */
  private CodeBlock emitIncremental(CodeBlock.Builder b, TypeModel model, CodeBlock src, String prev) {
    return switch (model) {
      case TypeModel.Leaf l -> src;
      case TypeModel.Codec c ->
          CodeBlock.of("$T.copyIncrementalOf($L, $N, ctx)", codecOf(c.element()), src, prev);
      case TypeModel.SharedOf s -> incrementalShared(b, s, src, prev);
      case TypeModel.ArrayOf a -> incrementalArray(b, a, src, prev);
      case TypeModel.CollectionOf c -> incrementalCollection(b, c, src, prev);
      case TypeModel.MapOf m -> incrementalMap(b, m, src, prev);
    };
  }

  private CodeBlock incrementalShared(CodeBlock.Builder b, TypeModel.SharedOf model, CodeBlock src, String prev) {
    int n = ++counter;
    String s = "s" + n;
    String c = "c" + n;
    String q = "q" + n;
    TypeName t = TypeName.get(model.type());
    TypeName target = TypeName.get(model.target().type());
    b.addStatement("$T $N = $L", t, s, src);
    b.addStatement("$T $N = null", t, c);
    b.beginControlFlow("if ($N != null)", s);
    b.addStatement("$N = ctx.copyOf($N)", c, s);
    b.beginControlFlow("if ($N == null)", c);
    b.add("// First visit: register a copy first (cycles), keep the previous one if the target is unchanged.\n");
    b.addStatement("$N = ctx.newCopy($N)", c, s);
    b.beginControlFlow("if ($N != null)", prev);
    b.addStatement("$T $N = $N.get()", target, q, prev);
    CodeBlock r = emitIncremental(b, model.target(), CodeBlock.of("$N.get()", s), q);
    String rv = "r" + n;
    b.addStatement("$T $N = $L", target, rv, r);
    b.beginControlFlow("if ($N == $N && ctx.reuse($N, $N))", rv, q, c, prev);
    b.addStatement("$N = $N", c, prev);
    b.nextControlFlow("else");
    b.addStatement("ctx.countCopy()");
    b.addStatement("$T.setTarget($N, $N)", CTX, c, rv);
    b.endControlFlow();
    b.nextControlFlow("else");
    b.addStatement("ctx.countCopy()");
    CodeBlock full = emitCopy(b, model.target(), CodeBlock.of("$N.get()", s));
    b.addStatement("$T.setTarget($N, $L)", CTX, c, full);
    b.endControlFlow();
    b.endControlFlow();
    b.endControlFlow();
    return CodeBlock.of("$N", c);
  }

  private CodeBlock incrementalArray(CodeBlock.Builder b, TypeModel.ArrayOf a, CodeBlock src, String prev) {
    int n = ++counter;
    String s = "s" + n;
    String c = "c" + n;
    TypeName t = TypeName.get(a.type());
    b.addStatement("$T $N = $L", t, s, src);
    b.addStatement("$T $N = null", t, c);
    b.beginControlFlow("if ($N != null)", s);
    b.beginControlFlow("if ($N == null || $N.length != $N.length)", prev, prev, s);
    b.addStatement("$N = $L", c, emitCopy(b, a, CodeBlock.of("$N", s)));
    if (a.component() instanceof TypeModel.Leaf) {
      b.nextControlFlow("else if ($T.equals($N, $N))", ClassName.get("java.util", "Arrays"), s, prev);
      b.addStatement("$N = $N", c, prev).addStatement("ctx.countReuse()");
      b.nextControlFlow("else");
      b.addStatement("$N = $N.clone()", c, s).addStatement("ctx.countCopy()");
    } else {
      b.nextControlFlow("else");
      String i = "i" + n;
      String e = "e" + n;
      String pe = "pe" + n;
      TypeName et = TypeName.get(a.component().type());
      b.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, s, i);
      b.addStatement("$T $N = $N[$N]", et, pe, prev, i);
      CodeBlock r = emitIncremental(b, a.component(), CodeBlock.of("$N[$N]", s, i), pe);
      b.addStatement("$T $N = $L", et, e, r);
      b.beginControlFlow("if ($N == null && $N != $N)", c, e, pe)
          .addStatement("$N = $L", c, newArray((ArrayType) a.type(), s))
          .addStatement("$T.arraycopy($N, 0, $N, 0, $N)", System.class, prev, c, i)
          .endControlFlow();
      b.beginControlFlow("if ($N != null)", c).addStatement("$N[$N] = $N", c, i, e).endControlFlow();
      b.endControlFlow();
      reuseUnlessRebuilt(b, c, prev, c, null);
    }
    b.endControlFlow();
    b.endControlFlow();
    return CodeBlock.of("$N", c);
  }

  private CodeBlock incrementalCollection(
      CodeBlock.Builder b, TypeModel.CollectionOf col, CodeBlock src, String prev) {
    int n = ++counter;
    String s = "s" + n;
    String c = "c" + n;
    TypeName t = TypeName.get(col.type());
    b.addStatement("$T $N = $L", t, s, src);
    b.addStatement("$T $N = null", t, c);
    b.beginControlFlow("if ($N != null)", s);
    boolean leaf = col.element() instanceof TypeModel.Leaf;
    // Non-leaf elements are paired even if the sizes differ, so an insertion or removal still
    // reuses the other elements; leaf elements are compared all at once.
    b.beginControlFlow(
        leaf ? "if ($N == null || $N.size() != $N.size() || !$T.sameFamily($N, $N))"
            : "if ($N == null || !$T.sameFamily($N, $N))",
        leaf ? new Object[] {prev, prev, s, CONTAINERS, s, prev} : new Object[] {prev, CONTAINERS, s, prev});
    b.addStatement("$N = $L", c, emitCopy(b, col, CodeBlock.of("$N", s)));
    if (leaf) {
      reuseIfEqual(b, "sameElements", c, prev, () -> emitCopy(b, col, CodeBlock.of("$N", s)), s);
    } else {
      b.nextControlFlow("else");
      boolean freeze = col.kind().equals("List") || col.kind().equals("Set");
      boolean list = col.kind().endsWith("List");
      String tn = "t" + n;
      String it = "it" + n;
      String i = "i" + n;
      String e = "e" + n;
      String pe = "pe" + n;
      String r = "r" + n;
      String hp = "hp" + n;
      String shift = "shift" + n;
      String ra = "ra" + n;
      TypeName et = TypeName.get(col.element().type()).box();
      b.addStatement("$T $N = null", t, tn);
      b.addStatement("$T<$T> $N = $N.iterator()", ClassName.get("java.util", "Iterator"), et, it, prev);
      b.addStatement("int $N = 0", i);
      if (list) {
        b.add("// After the first difference, pair from the end, so one insertion or removal shifts nothing.\n");
        b.addStatement("int $N = $N.size() - $N.size()", shift, prev, s);
        b.addStatement("boolean $N = $N instanceof $T", ra, prev, ClassName.get("java.util", "RandomAccess"));
      }
      b.beginControlFlow("for ($T $N : $N)", et, e, s);
      b.addStatement("boolean $N", hp);
      b.addStatement("$T $N", et, pe);
      if (list) {
        b.beginControlFlow("if ($N != null && $N)", tn, ra)
            .addStatement("$N = $N + $N >= 0 && $N + $N < $N.size()", hp, i, shift, i, shift, prev)
            .addStatement("$N = $N ? $N.get($N + $N) : null", pe, hp, prev, i, shift)
            .nextControlFlow("else");
      }
      b.addStatement("$N = $N.hasNext()", hp, it);
      b.addStatement("$N = $N ? $N.next() : null", pe, hp, it);
      if (list) {
        b.endControlFlow();
      }
      CodeBlock rc = emitIncremental(b, col.element(), CodeBlock.of("$N", e), pe);
      b.addStatement("$T $N = $L", et, r, rc);
      b.beginControlFlow("if ($N == null && ($N != $N || !$N))", tn, r, pe, hp)
          .addStatement("$N = $L", tn, newContainer(col.kind(), s, col.type()))
          .addStatement("$T.addFirst($N, $N, $N)", CONTAINERS, tn, prev, i)
          .endControlFlow();
      b.beginControlFlow("if ($N != null)", tn).addStatement("$N.add($N)", tn, r).endControlFlow();
      b.addStatement("$N++", i);
      b.endControlFlow();
      b.beginControlFlow("if ($N == null && $N.hasNext())", tn, it)
          .add("// The previous container was longer.\n")
          .addStatement("$N = $L", tn, newContainer(col.kind(), s, col.type()))
          .addStatement("$T.addFirst($N, $N, $N)", CONTAINERS, tn, prev, i)
          .endControlFlow();
      reuseUnlessRebuilt(b, c, prev, tn, freeze ? CodeBlock.of("$T.freezeLike($N, $N)", CONTAINERS, s, tn) : CodeBlock.of("$N", tn));
    }
    b.endControlFlow();
    b.endControlFlow();
    return CodeBlock.of("$N", c);
  }

  /**
   * Leaf contents (compared by value with {@code Containers.<same>}): the previous container
   * itself when they are equal, else a copy (emitted inside the else branch, as it may add
   * statements of its own).
   */
  private static void reuseIfEqual(CodeBlock.Builder b, String same, String c, String prev,
      Supplier<CodeBlock> copy, String s) {
    b.nextControlFlow("else if ($T.$N($N, $N))", CONTAINERS, same, s, prev);
    b.addStatement("$N = $N", c, prev).addStatement("ctx.countReuse()");
    b.nextControlFlow("else");
    b.addStatement("$N = $L", c, copy.get());
  }

  /**
   * After an element-wise pass: {@code rebuilt} is null if every element was reused, so the
   * previous container itself is the result; otherwise {@code result} (the rebuilt container,
   * frozen as the source was, or null when {@code rebuilt} already is the result) is.
   */
  private static void reuseUnlessRebuilt(CodeBlock.Builder b, String c, String prev, String rebuilt,
      CodeBlock result) {
    b.beginControlFlow("if ($N == null)", rebuilt)
        .addStatement("$N = $N", c, prev)
        .addStatement("ctx.countReuse()")
        .nextControlFlow("else")
        .addStatement("ctx.countCopy()");
    if (result != null) {
      b.addStatement("$N = $L", c, result);
    }
    b.endControlFlow();
  }

  private CodeBlock incrementalMap(CodeBlock.Builder b, TypeModel.MapOf m, CodeBlock src, String prev) {
    int n = ++counter;
    String s = "s" + n;
    String c = "c" + n;
    TypeName t = TypeName.get(m.type());
    b.addStatement("$T $N = $L", t, s, src);
    b.addStatement("$T $N = null", t, c);
    b.beginControlFlow("if ($N != null)", s);
    b.beginControlFlow(
        "if ($N == null || $N.size() != $N.size() || !$T.sameFamily($N, $N))", prev, prev, s, CONTAINERS, s, prev);
    b.addStatement("$N = $L", c, emitCopy(b, m, CodeBlock.of("$N", s)));
    boolean leafKey = m.key() instanceof TypeModel.Leaf;
    if (leafKey && m.value() instanceof TypeModel.Leaf) {
      reuseIfEqual(b, "sameEntries", c, prev, () -> emitCopy(b, m, CodeBlock.of("$N", s)), s);
    } else if (!leafKey) {
      // Keys that are copied objects cannot be looked up in the previous map: copy afresh.
      b.nextControlFlow("else");
      b.addStatement("$N = $L", c, emitCopy(b, m, CodeBlock.of("$N", s)));
    } else {
      b.nextControlFlow("else");
      boolean freeze = m.kind().equals("Map");
      String tn = "t" + n;
      String e = "e" + n;
      String i = "i" + n;
      String k = "k" + n;
      String pe = "pe" + n;
      String r = "r" + n;
      String ordered = "o" + n;
      String it = "it" + n;
      TypeName kt = TypeName.get(m.key().type()).box();
      TypeName vt = TypeName.get(m.value().type()).box();
      TypeName entry = ParameterizedTypeName.get(ClassName.get("java.util", "Map", "Entry"), kt, vt);
      b.addStatement("$T $N = null", t, tn);
      b.addStatement("boolean $N = $T.insertionOrdered($N)", ordered, CONTAINERS, s);
      b.addStatement("$T<$T> $N = $N ? $N.keySet().iterator() : null", ClassName.get("java.util", "Iterator"), kt, it, ordered, prev);
      b.addStatement("int $N = 0", i);
      b.beginControlFlow("for ($T $N : $N.entrySet())", entry, e, s);
      b.addStatement("$T $N = $N.getKey()", kt, k, e);
      b.addStatement("$T $N = $N.get($N)", vt, pe, prev, k);
      CodeBlock rc = emitIncremental(b, m.value(), CodeBlock.of("$N.getValue()", e), pe);
      b.addStatement("$T $N = $L", vt, r, rc);
      b.beginControlFlow(
              "if ($N == null && ($N != $N || ($N == null && !$N.containsKey($N)) || ($N && !$T.equals($N.next(), $N))))",
              tn, r, pe, pe, prev, k, ordered, ClassName.get("java.util", "Objects"), it, k)
          .addStatement("$N = $L", tn, newContainer(m.kind(), s, m.type()))
          .addStatement("$T.putFirst($N, $N, $N, $N)", CONTAINERS, tn, s, prev, i)
          .endControlFlow();
      b.beginControlFlow("if ($N != null)", tn).addStatement("$N.put($N, $N)", tn, k, r).endControlFlow();
      b.addStatement("$N++", i);
      b.endControlFlow();
      reuseUnlessRebuilt(b, c, prev, tn, freeze ? CodeBlock.of("$T.freezeLike($N, $N)", CONTAINERS, s, tn) : CodeBlock.of("$N", tn));
    }
    b.endControlFlow();
    b.endControlFlow();
    return CodeBlock.of("$N", c);
  }

  private CodeBlock newContainer(String kind, String s, TypeMirror declared) {
    return switch (kind) {
      case "ArrayList" -> CodeBlock.of("new $T<>($N.size())", ClassName.get("java.util", "ArrayList"), s);
      case "LinkedList" -> CodeBlock.of("new $T<>()", ClassName.get("java.util", "LinkedList"));
      case "List" -> CodeBlock.of("$T.newListLike($N)", CONTAINERS, s);
      case "HashSet", "LinkedHashSet", "HashMap", "LinkedHashMap" ->
          CodeBlock.of("$T.new$L($N.size())", ClassName.get("java.util", kind), kind, s);
      case "Set" -> CodeBlock.of("$T.newSetLike($N)", CONTAINERS, s);
      case "Map" -> CodeBlock.of("$T.newMapLike($N)", CONTAINERS, s);
      case "SortedSet", "NavigableSet", "TreeSet" ->
          CodeBlock.of("new $T<>($N.comparator())", ClassName.get("java.util", "TreeSet"), s);
      case "SortedMap", "NavigableMap", "TreeMap" ->
          CodeBlock.of("new $T<>($N.comparator())", ClassName.get("java.util", "TreeMap"), s);
      default -> throw new IllegalArgumentException("container " + kind + " of " + declared);
    };
  }

  private CodeBlock newArray(ArrayType t, String s) {
    TypeMirror base = t;
    int dims = 0;
    while (base.getKind() == TypeKind.ARRAY) {
      base = ((ArrayType) base).getComponentType();
      dims++;
    }
    CodeBlock alloc =
        CodeBlock.of("new $T[$N.length]$L", types.erasure(base), s, "[]".repeat(dims - 1));
    boolean generic = base instanceof DeclaredType d && !d.getTypeArguments().isEmpty();
    return generic ? CodeBlock.of("($T) $L", TypeName.get(t), alloc) : alloc;
  }
}
