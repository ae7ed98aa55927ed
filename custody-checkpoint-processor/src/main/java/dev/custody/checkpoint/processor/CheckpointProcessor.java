package dev.custody.checkpoint.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Generates {@code Foo_Checkpoint} for every {@code @dev.custody.checkpoint.Checkpointable} class
 * or record {@code Foo}, and lists the generated codecs in {@code
 * META-INF/services/dev.custody.checkpoint.CheckpointCodec}.
 *
 * <p>Rules (see {@code Checkpointable}): supported field kinds only; records through accessors
 * and canonical constructor; classes final, extending {@code Object}, with a non-private no-arg
 * constructor and non-private fields, final fields only of refillable kinds (collections, maps,
 * checkpointable classes); no non-static inner, local or private types, no type parameters.
 * Each violation is a compile error, prefixed {@code [custody.checkpoint]}, reported on the
 * offending field, record component or type and naming it.
 *
 * <p>The services file lists the codecs generated in one compilation; incremental compilers
 * that process a subset of the sources should rebuild the module.
 */
@SupportedAnnotationTypes(TypeModels.CHECKPOINTABLE)
public final class CheckpointProcessor extends AbstractProcessor {
  private static final String SERVICES = "META-INF/services/dev.custody.checkpoint.CheckpointCodec";
  private final Set<String> generated = new TreeSet<>();

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        handle(e);
      }
    }
    if (round.processingOver() && !generated.isEmpty()) {
      writeServices();
    }
    return false;
  }

  private void handle(Element e) {
    if (e.getKind() != ElementKind.CLASS && e.getKind() != ElementKind.RECORD) {
      error(e, "@Checkpointable applies to classes and records, not to " + e.getKind().toString().toLowerCase() + " " + e);
      return;
    }
    TypeElement type = (TypeElement) e;
    boolean isRecord = type.getKind() == ElementKind.RECORD;
    String name = type.getQualifiedName().toString();
    boolean ok = checkType(type, isRecord, name);
    List<Generator.Member> members = new ArrayList<>();
    TypeModels models = new TypeModels(processingEnv);
    if (isRecord) {
      for (RecordComponentElement rc : type.getRecordComponents()) {
        try {
          members.add(new Generator.Member(rc.getSimpleName().toString(), rc, models.model(rc.asType()), true));
        } catch (TypeModels.Unsupported u) {
          error(rc, "record component '" + rc.getSimpleName() + "' of " + name + ": " + u.getMessage());
          ok = false;
        }
      }
    } else {
      for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        Set<Modifier> mods = f.getModifiers();
        if (mods.contains(Modifier.STATIC) || mods.contains(Modifier.TRANSIENT)) {
          continue;
        }
        String field = "field '" + f.getSimpleName() + "' of " + name;
        if (mods.contains(Modifier.PRIVATE)) {
          error(f, field + " is private: the generated " + Generator.codecName(type, processingEnv.getElementUtils()).simpleName()
              + " in the same package cannot reach it; make it package-private (or use a record)");
          ok = false;
          continue;
        }
        TypeModel model;
        try {
          model = models.model(f.asType());
        } catch (TypeModels.Unsupported u) {
          error(f, field + ": " + u.getMessage());
          ok = false;
          continue;
        }
        boolean isFinal = mods.contains(Modifier.FINAL);
        if (isFinal && !refillable(model)) {
          error(f, field + " is final and of type " + f.asType()
              + ", which cannot be restored in place; make it non-final (final fields must be"
              + " collections, maps or @Checkpointable classes, whose contents are refilled)");
          ok = false;
          continue;
        }
        members.add(new Generator.Member(f.getSimpleName().toString(), f, model, isFinal));
      }
    }
    if (!ok) {
      return;
    }
    Generator generator = new Generator(processingEnv.getTypeUtils(), processingEnv.getElementUtils());
    TypeSpec spec = generator.generate(type, isRecord, members);
    ClassName codec = Generator.codecName(type, processingEnv.getElementUtils());
    try {
      JavaFile.builder(codec.packageName(), spec).indent("  ").skipJavaLangImports(true).build()
          .writeTo(processingEnv.getFiler());
      generated.add(codec.canonicalName());
    } catch (IOException ex) {
      error(type, "cannot write " + codec + ": " + ex.getMessage());
    }
  }

  private static boolean refillable(TypeModel m) {
    return m instanceof TypeModel.CollectionOf
        || m instanceof TypeModel.MapOf
        || (m instanceof TypeModel.Codec c && !c.isRecord());
  }

  private boolean checkType(TypeElement type, boolean isRecord, String name) {
    boolean ok = true;
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      error(type, "local class " + name + " cannot be @Checkpointable: the generated code cannot name it");
      return false;
    }
    if (!isRecord && type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      error(type, "non-static inner class " + name + " cannot be @Checkpointable: its hidden reference"
          + " to the enclosing instance cannot be copied; make it static");
      ok = false;
    }
    for (Element t = type; t instanceof TypeElement te; t = te.getEnclosingElement()) {
      if (te.getModifiers().contains(Modifier.PRIVATE)) {
        error(type, (te == type ? "" : "enclosing type " + te.getSimpleName() + " of ") + name
            + " is private: the generated code in the same package cannot reach it");
        return false;
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      error(type, "generic type " + name + " cannot be @Checkpointable (type parameters are not supported)");
      ok = false;
    }
    if (isRecord) {
      return ok;
    }
    if (!type.getModifiers().contains(Modifier.FINAL)) {
      error(type, "checkpointable class " + name + " must be final: a subclass's fields would not be copied");
      ok = false;
    }
    if (type.getSuperclass().getKind() != TypeKind.DECLARED
        || !((TypeElement) processingEnv.getTypeUtils().asElement(type.getSuperclass()))
            .getQualifiedName().contentEquals("java.lang.Object")) {
      error(type, "checkpointable class " + name + " must extend Object directly, not " + type.getSuperclass());
      ok = false;
    }
    boolean noArg = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
        noArg = true;
      }
    }
    if (!noArg) {
      error(type, "checkpointable class " + name + " needs a non-private no-argument constructor"
          + " for the generated code to create copies");
      ok = false;
    }
    return ok;
  }

  private void writeServices() {
    try {
      var file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICES);
      try (Writer w = file.openWriter()) {
        for (String g : generated) {
          w.write(g);
          w.write('\n');
        }
      }
    } catch (IOException | IllegalStateException ex) {
      processingEnv.getMessager().printMessage(
          Diagnostic.Kind.WARNING, "[custody.checkpoint] cannot write " + SERVICES + ": " + ex.getMessage());
    }
  }

  private void error(Element e, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "[custody.checkpoint] " + message, e);
  }
}
