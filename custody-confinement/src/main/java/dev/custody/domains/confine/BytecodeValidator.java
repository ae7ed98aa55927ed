package dev.custody.domains.confine;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.ConstantDynamicEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.BootstrapMethodEntry;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.classfile.instruction.NewMultiArrayInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.lang.reflect.AccessFlag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Checks class files against a {@link ConfinementPolicy} with the JDK ClassFile API, before the
 * classes are defined.
 *
 * <p>Every method is checked, whatever its flags (synthetic lambda bodies, bridges, static
 * initialisers), and every instruction that names another class or member: {@code invoke*}, field
 * instructions, class literals and other {@code ldc} constants (method handles, dynamic
 * constants), type checks, array creation, and {@code invokedynamic} — both its bootstrap method
 * and every bootstrap argument, which is where lambdas and method references keep their target.
 * The superclass and interfaces are checked too, and {@code native} methods are refused.
 *
 * <p>Uses of a JDK class are also checked against the JDK class's supertypes (resolved through the
 * platform class loader without initialising anything), so a rule on {@code java.net.Socket}
 * catches {@code javax.net.ssl.SSLSocket}.
 *
 * <p>Two rules depend on values, not names. For a class with a {@code monitorenter} or a call of
 * {@code Thread.interrupt()}, the methods concerned (and those storing into fields a monitor is
 * read from) are run through a small dataflow ({@code ValueFlow}: stack and locals, across
 * branches, loops and handlers) that tracks where the operand came from:
 *
 * <ul>
 *   <li><b>shared-monitor</b>: {@code synchronized} on a string literal, on the class object of a
 *       JDK class or a host class the domain sees, on the value of a static field of one,
 *       on a box from {@code Integer/Long/Short/Byte/Character/Boolean.valueOf} (autoboxing), on
 *       {@code String.intern()}, on {@code Thread.currentThread()}, or on a field of the same
 *       class that holds one of these. {@code synchronized (this)}, on a domain-created object or
 *       on a domain class object, and {@code synchronized} methods, are fine. Not caught: shared
 *       objects that arrive as parameters, call results (even identity-returning ones such as
 *       {@code "lock".toString()}), array elements or fields of <em>other</em> domain classes.
 *   <li><b>thread-control</b>: {@code Thread.interrupt()} is allowed only when the receiver is
 *       {@code Thread.currentThread()} on every path (directly or through locals); a method handle
 *       to {@code Thread::interrupt} is always refused.
 * </ul>
 *
 * <p>Thread-safe: a validator holds only its immutable policy and a cache of JDK supertypes.
 */
public final class BytecodeValidator {
  /** Local-variable tables are not needed; line numbers are, for messages. */
  private static final ClassFile PARSER = ClassFile.of(ClassFile.DebugElementsOption.DROP_DEBUG,
      ClassFile.LineNumbersOption.PASS_LINE_NUMBERS);
  private static final String FOR_NAME_DESC = "(Ljava/lang/String;)Ljava/lang/Class;";
  /** JDK class hierarchies, by internal name; platform classes never unload, so no leak. */
  private static final Map<String, List<String>> JDK_SUPERTYPES = new ConcurrentHashMap<>();

  private final ConfinementPolicy policy;

  public BytecodeValidator(ConfinementPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy checked against. */
  public ConfinementPolicy policy() {
    return policy;
  }

  /**
   * Validates every class of {@code source}. Classes of the source are visible to each other;
   * {@code hostVisible} says which other (non-JDK) classes, by binary name, the domain may see.
   *
   * @return all violations, sorted by class then offset; empty when the source is accepted
   * @throws UnreadableClassException if a class file is malformed (names the class)
   */
  public List<Violation> validate(ClassSource source, Predicate<String> hostVisible)
      throws UnreadableClassException {
    List<Violation> all = new ArrayList<>();
    for (String name : source.classNames()) {
      all.addAll(validate(name, source.classBytes(name), source.classNames()::contains,
          hostVisible));
    }
    return all;
  }

  /**
   * Validates one class file.
   *
   * @param expectedName binary name the class is expected to have (used in messages if the file
   *     cannot be parsed)
   * @param own whether a binary name is a class of the same domain
   * @param hostVisible whether a non-JDK, non-domain binary name is visible to the domain
   * @throws UnreadableClassException if the bytes are not a well-formed class file
   */
  public List<Violation> validate(String expectedName, byte[] classFile, Predicate<String> own,
      Predicate<String> hostVisible) throws UnreadableClassException {
    try {
      ClassModel model = PARSER.parse(classFile);
      Scan scan = new Scan(model.thisClass().asInternalName().replace('/', '.'), own,
          hostVisible);
      scan.run(model);
      return scan.violations;
    } catch (IllegalArgumentException | IndexOutOfBoundsException | ClassCastException e) {
      throw new UnreadableClassException(
          "class " + expectedName + ": malformed class file: " + e.getMessage(), e);
    }
  }

  /** One class's scan; not thread-safe, used by one call. */
  private final class Scan {
    final String className;
    final Predicate<String> own;
    final Predicate<String> hostVisible;
    final List<Violation> violations = new ArrayList<>();
    String method;
    MethodModel current;
    int offset = -1;
    int line = -1;
    /** monitorenter and Thread.interrupt() sites, decided by {@link #decideValueSites}. */
    final List<Site> sites = new ArrayList<>();

    Scan(String className, Predicate<String> own, Predicate<String> hostVisible) {
      this.className = className;
      this.own = own;
      this.hostVisible = hostVisible;
    }

    void run(ClassModel model) {
      model.superclass().ifPresent(s -> checkSupertype(s.asInternalName(), "extends", true));
      for (ClassEntry i : model.interfaces()) {
        checkSupertype(i.asInternalName(), "implements", false);
      }
      Map<String, Integer> order = new HashMap<>();
      for (MethodModel m : model.methods()) {
        method = m.methodName().stringValue() + m.methodType().stringValue();
        order.put(method, order.size());
        current = m;
        offset = -1;
        line = -1;
        if (m.flags().has(AccessFlag.NATIVE)) {
          report("declares native method", className + "." + method, Category.NATIVE);
        }
        m.code().ifPresent(this::scanCode);
      }
      if (!sites.isEmpty()) {
        decideValueSites(model);
        // class-level findings first (stable sort), then by method and offset
        violations.sort(Comparator.comparingInt((Violation v) ->
                v.method() == null ? -1 : order.getOrDefault(v.method(), Integer.MAX_VALUE))
            .thenComparingInt(Violation::offset));
      }
    }

    /** A {@code monitorenter} or {@code Thread.interrupt()} call whose operand decides. */
    record Site(MethodModel model, String method, int offset, int line, boolean monitor,
        Category category) {}

    void decideValueSites(ClassModel model) {
      String self = model.thisClass().asInternalName();
      Map<MethodModel, ValueFlow.Result> results = new HashMap<>();
      Map<String, Set<ValueFlow.Origin>> stores = new HashMap<>();
      for (Site s : sites) {
        analyse(s.model(), self, results, stores);
      }
      // A monitor read from a field of this class may hold whatever any method stores there:
      // analyse the methods storing into such fields (and into fields those stores read), only.
      ArrayDeque<String> needed = new ArrayDeque<>();
      for (Site s : sites) {
        ValueFlow.Result r = results.get(s.model());
        ValueFlow.Val v = r == null ? null : r.operands().get(s.offset());
        if (s.monitor() && v != null) {
          ownFields(v.origins(), needed);
        }
      }
      Map<String, List<MethodModel>> storers = needed.isEmpty() ? Map.of() : storers(model, self);
      Set<String> done = new HashSet<>();
      while (!needed.isEmpty()) {
        String f = needed.pop();
        if (done.add(f)) {
          for (MethodModel m : storers.getOrDefault(f, List.of())) {
            analyse(m, self, results, stores);
          }
          ownFields(stores.getOrDefault(f, Set.of()), needed);
        }
      }
      for (Site s : sites) {
        method = s.method();
        offset = s.offset();
        line = s.line();
        ValueFlow.Result r = results.get(s.model());
        ValueFlow.Val v = r == null ? null : r.operands().get(s.offset());
        if (r != null && v == null) {
          continue; // unreachable code
        }
        if (s.monitor()) {
          if (v == null) {
            report("synchronizes on", "a value the validator cannot trace (code it does not"
                + " model, such as jsr/ret)", s.category());
            continue;
          }
          for (String what : sharedObjects(v, stores)) {
            report("synchronizes on", what, s.category());
          }
        } else if (v == null || !v.currentThread()) {
          report("calls", "java.lang.Thread.interrupt()V on a thread that may not be"
              + " Thread.currentThread()", s.category());
        }
      }
    }

    void analyse(MethodModel m, String self, Map<MethodModel, ValueFlow.Result> results,
        Map<String, Set<ValueFlow.Origin>> stores) {
      if (results.containsKey(m) || m.code().isEmpty()) {
        return;
      }
      ValueFlow.Result r = ValueFlow.analyse(m.code().get(), self, this::isHostShared);
      results.put(m, r); // null: not analysable; its sites are decided conservatively
      if (r != null) {
        r.ownFieldStores().forEach((f, o) ->
            stores.computeIfAbsent(f, k -> new HashSet<>()).addAll(o));
      }
    }

    static void ownFields(Set<ValueFlow.Origin> origins, ArrayDeque<String> out) {
      for (ValueFlow.Origin o : origins) {
        if (o instanceof ValueFlow.OwnField f) {
          out.add(f.name());
        }
      }
    }

    /** Field of this class → the methods that store into it. */
    static Map<String, List<MethodModel>> storers(ClassModel model, String self) {
      Map<String, List<MethodModel>> out = new HashMap<>();
      for (MethodModel m : model.methods()) {
        m.code().ifPresent(code -> code.forEach(e -> {
          if (e instanceof FieldInstruction f && (f.opcode() == Opcode.PUTFIELD
              || f.opcode() == Opcode.PUTSTATIC) && f.owner().asInternalName().equals(self)) {
            List<MethodModel> l = out.computeIfAbsent(f.name().stringValue(),
                k -> new ArrayList<>());
            if (!l.contains(m)) {
              l.add(m);
            }
          }
        }));
      }
      return out;
    }

    /** Descriptions of the shared objects {@code v} may be, sorted (messages are stable). */
    Set<String> sharedObjects(ValueFlow.Val v, Map<String, Set<ValueFlow.Origin>> stores) {
      Set<String> out = new TreeSet<>();
      for (ValueFlow.Origin o : v.origins()) {
        switch (o) {
          case ValueFlow.Shared s -> out.add(s.what());
          case ValueFlow.OwnField f -> {
            for (String what : fieldHolds(f.name(), stores, new HashSet<>())) {
              out.add("field " + className + "." + f.name() + ", which may hold " + what);
            }
          }
        }
      }
      return out;
    }

    /** What shared objects field {@code name} of this class may hold, through other fields too. */
    Set<String> fieldHolds(String name, Map<String, Set<ValueFlow.Origin>> stores,
        Set<String> seen) {
      Set<String> out = new TreeSet<>();
      if (!seen.add(name)) {
        return out;
      }
      for (ValueFlow.Origin o : stores.getOrDefault(name, Set.of())) {
        switch (o) {
          case ValueFlow.Shared s -> out.add(s.what());
          case ValueFlow.OwnField f -> out.addAll(fieldHolds(f.name(), stores, seen));
        }
      }
      return out;
    }

    int bci;
    Instruction previous;

    void scanCode(CodeModel code) {
      bci = 0;
      previous = null;
      code.forEach(this::scanElement); // streams elements without materialising a list
    }

    void scanElement(CodeElement e) {
      if (e instanceof LineNumber ln) {
        line = ln.line();
      } else if (e instanceof Instruction insn) {
        offset = bci;
        scanInstruction(insn, previous);
        previous = insn;
        bci += insn.sizeInBytes();
      }
    }

    void scanInstruction(Instruction insn, Instruction previous) {
      switch (insn) {
        case InvokeInstruction i -> {
          String owner = i.owner().asInternalName();
          String name = i.name().stringValue();
          String desc = i.type().stringValue();
          if (owner.equals("java/lang/Class") && name.equals("forName")
              && desc.equals(FOR_NAME_DESC)) {
            checkForName(previous);
          } else if (ValueFlow.isThreadInterrupt(i)) {
            // Allowed on Thread.currentThread(): decided once the receiver is known.
            Category c = policy.refusal(owner, name, desc, true);
            if (c != null) {
              sites.add(new Site(current, method, offset, line, false, c));
            }
          } else {
            checkMember(owner, name, desc, "calls", true);
          }
        }
        case FieldInstruction f -> checkMember(f.owner().asInternalName(), f.name().stringValue(),
            null, switch (f.opcode()) {
              case GETSTATIC, GETFIELD -> "reads field";
              default -> "writes field";
            }, false);
        case InvokeDynamicInstruction indy -> checkBootstrap(indy.invokedynamic().bootstrap());
        case ConstantInstruction.LoadConstantInstruction ldc -> checkConstant(ldc.constantEntry());
        case TypeCheckInstruction t -> checkClass(t.type(), "references class");
        case MonitorInstruction m when m.opcode() == Opcode.MONITORENTER
            && !policy.allowedCategories().contains(Category.SHARED_MONITORS) ->
            sites.add(new Site(current, method, offset, line, true, Category.SHARED_MONITORS));
        case NewReferenceArrayInstruction a -> checkClass(a.componentType(), "references class");
        case NewMultiArrayInstruction a -> checkClass(a.arrayType(), "references class");
        // NEW is always followed by a call to <init>, which is checked with its descriptor.
        default -> { }
      }
    }

    void checkBootstrap(BootstrapMethodEntry bsm) {
      checkHandle(bsm.bootstrapMethod(), "bootstrap method");
      for (LoadableConstantEntry arg : bsm.arguments()) {
        checkConstant(arg);
      }
    }

    void checkConstant(LoadableConstantEntry c) {
      switch (c) {
        case ClassEntry ce -> checkClass(ce, "references class");
        case MethodHandleEntry mh -> checkHandle(mh, "method handle to");
        case ConstantDynamicEntry cd -> checkBootstrap(cd.bootstrap());
        default -> { }
      }
    }

    void checkHandle(MethodHandleEntry mh, String action) {
      MemberRefEntry ref = mh.reference();
      String desc = ref.type().stringValue();
      boolean isField = !desc.startsWith("(");
      checkMember(ref.owner().asInternalName(), ref.name().stringValue(), isField ? null : desc,
          action, !isField);
    }

    void checkForName(Instruction previous) {
      String target = "java.lang.Class.forName" + FOR_NAME_DESC;
      if (previous instanceof ConstantInstruction.LoadConstantInstruction ldc
          && ldc.constantEntry() instanceof StringEntry s) {
        String name = s.stringValue();
        if (!canSee(name)) {
          report("calls " + target + " on", "\"" + name + "\", a class the domain may not see",
              Category.CLASS_FOR_NAME);
        }
      } else {
        Category c = policy.refusal("java/lang/Class", "forName", FOR_NAME_DESC, true);
        if (c != null) {
          report("calls", target + " with a non-constant name", c);
        }
      }
    }

    boolean canSee(String binaryName) {
      if (binaryName.isEmpty() || binaryName.startsWith("[")) {
        return false;
      }
      if (own.test(binaryName)) {
        return true;
      }
      String internal = binaryName.replace('.', '/');
      if (binaryName.startsWith("dev.custody.")) {
        return hostVisible.test(binaryName);
      }
      if (hostVisible.test(binaryName)) {
        return true;
      }
      return jdkClass(internal) != null && refusalInHierarchy(internal, null, null) == null;
    }

    void checkSupertype(String internal, String action, boolean superclass) {
      if (isOwn(internal)) {
        return; // its own validation reports it
      }
      String target = internal.replace('/', '.');
      if (checkCustodyInternal(internal, action, target)) {
        return;
      }
      Category c = refusalInHierarchy(internal, null, null);
      if (c == null && superclass) {
        // Constructing a subclass runs every superclass constructor.
        for (String s : hierarchy(internal)) {
          c = policy.refusal(s, "<init>", null, true);
          if (c != null) {
            break;
          }
        }
      }
      if (c != null) {
        String saved = method;
        method = null;
        int savedOffset = offset;
        offset = -1;
        report(action, target, c);
        method = saved;
        offset = savedOffset;
      }
    }

    void checkClass(ClassEntry ce, String action) {
      String internal = elementType(ce.asInternalName());
      if (internal == null || isOwn(internal)) {
        return;
      }
      String target = internal.replace('/', '.');
      if (checkCustodyInternal(internal, action, target)) {
        return;
      }
      Category c = refusalInHierarchy(internal, null, null);
      if (c != null) {
        report(action, target, c);
      }
    }

    void checkMember(String ownerInternal, String name, String desc, String action,
        boolean isMethod) {
      String owner = elementType(ownerInternal);
      if (owner == null || isOwn(owner)) {
        return; // primitive arrays, or this domain's own classes (validated themselves)
      }
      String target = owner.replace('/', '.') + "." + name + (isMethod && desc != null ? desc : "");
      member = name;
      memberDesc = desc;
      boolean custody = checkCustodyInternal(owner, action, target);
      member = null;
      memberDesc = null;
      if (custody) {
        return;
      }
      Category c = refusalInHierarchy(owner, name, desc);
      if (c != null) {
        report(action, target, c);
      }
    }

    /** Member name and descriptor of the reference being checked, for {@link #checkCustodyInternal}. */
    String member;
    String memberDesc;

    boolean checkCustodyInternal(String internal, String action, String target) {
      if (!internal.startsWith("dev/custody/")) {
        return false;
      }
      String binary = internal.replace('/', '.');
      if (!hostVisible.test(binary)) {
        report(action, target, Category.CUSTODY_INTERNAL);
      } else if (member != null) {
        // Visible API, but some of its members manage other domains (e.g. Domain.host()).
        Category c = refusalInHierarchy(internal, member, memberDesc);
        if (c != null) {
          report(action, target, c);
        }
      }
      return true;
    }

    /** Internal name → whether its class object and statics are the host's; see below. */
    final Map<String, Boolean> sharedCache = new HashMap<>();

    /**
     * Whether a class (internal name) is shared with the host: a JDK class or a host class the
     * domain sees. Not the domain's own classes, nor others (granted libraries are loaded per
     * domain; a class found nowhere cannot be loaded at all).
     */
    boolean isHostShared(String internal) {
      Boolean b = sharedCache.get(internal);
      if (b == null) {
        b = !isOwn(internal)
            && (hostVisible.test(internal.replace('/', '.')) || jdkClass(internal) != null);
        sharedCache.put(internal, b);
      }
      return b;
    }

    /** Internal name → whether it is one of the domain's classes; names recur within a class. */
    final Map<String, Boolean> ownCache = new java.util.HashMap<>();

    boolean isOwn(String internal) {
      Boolean b = ownCache.get(internal);
      if (b == null) {
        b = own.test(internal.replace('/', '.'));
        ownCache.put(internal, b);
      }
      return b;
    }

    void report(String action, String target, Category category) {
      violations.add(new Violation(className, method, offset, offset >= 0 ? line : -1, action,
          target, category));
    }
  }

  private Category refusalInHierarchy(String internal, String member, String desc) {
    String key = member == null ? internal : internal + '.' + member + (desc == null ? "" : desc);
    return policy.cached(key, () -> computeRefusal(internal, member, desc));
  }

  private Category computeRefusal(String internal, String member, String desc) {
    Category c = policy.refusal(internal, member, desc, true);
    if (c != null) {
      return c;
    }
    List<String> h = hierarchy(internal);
    for (int i = 1; i < h.size(); i++) {
      c = policy.refusal(h.get(i), member, desc, false);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  /** The class itself followed by all its JDK supertypes; just the class if it is not JDK. */
  private static List<String> hierarchy(String internal) {
    return JDK_SUPERTYPES.computeIfAbsent(internal, n -> {
      Class<?> c = jdkClass(n);
      if (c == null) {
        return List.of(n);
      }
      Set<String> out = new LinkedHashSet<>();
      collect(c, out);
      return List.copyOf(out);
    });
  }

  private static void collect(Class<?> c, Set<String> out) {
    if (c == null || !out.add(c.getName().replace('.', '/'))) {
      return;
    }
    collect(c.getSuperclass(), out);
    for (Class<?> i : c.getInterfaces()) {
      collect(i, out);
    }
  }

  private static Class<?> jdkClass(String internal) {
    try {
      return Class.forName(internal.replace('/', '.'), false,
          ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** The class an (array) internal name or descriptor refers to, or null for primitives. */
  private static String elementType(String internal) {
    String s = internal;
    while (s.startsWith("[")) {
      s = s.substring(1);
    }
    if (s.length() == internal.length()) {
      return internal;
    }
    return s.startsWith("L") && s.endsWith(";") ? s.substring(1, s.length() - 1) : null;
  }
}
