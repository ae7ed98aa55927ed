package dev.custody.domains.confine;

import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.instruction.ArrayLoadInstruction;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.DiscontinuedInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.classfile.instruction.NewMultiArrayInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.classfile.instruction.NopInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StackInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.classfile.instruction.ThrowInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where the values of one method come from: a forward dataflow over the method's instructions —
 * operand stack and locals, following branches, loops and exception handlers to a fixed point —
 * that remembers, for every value, only the producers {@link BytecodeValidator} cares about:
 *
 * <ul>
 *   <li>a {@link Shared} object: an {@code ldc} of a string (interned, JVM-wide) or of a class
 *       shared with the host, a {@code getstatic} of a field of such a class, the
 *       result of {@code Integer/Long/Short/Byte/Character/Boolean.valueOf} (boxes the JVM
 *       caches) or {@code String.intern};
 *   <li>an {@link OwnField}: a read of a field of the class being validated, resolved later
 *       against every value the class stores into that field;
 *   <li>{@code Thread.currentThread()}, as a must-property: a value is the current thread only if
 *       it is on every path (and, as a monitor, also a {@link Shared} host object).
 * </ul>
 *
 * Values merge by union at join points, so a monitor operand that is a string literal on one
 * path and {@code this} on another is reported. Everything else (parameters, {@code new}
 * objects, values from calls or arrays, fields of other classes of the domain) is "unknown" and
 * never reported.
 *
 * <p>Not thread-safe; one instance per analysed method. Code with {@code jsr}/{@code ret} (class
 * files older than Java 6) or inconsistent stack heights is not analysed ({@link #analyse}
 * returns {@code null}).
 */
final class ValueFlow {

  /** Producer of a value, as far as the validator cares. */
  sealed interface Origin permits Shared, OwnField {}

  /** An object shared beyond the domain; {@code what} describes it for messages. */
  record Shared(String what) implements Origin {}

  /** The value of field {@code name} of the class being analysed. */
  record OwnField(String name) implements Origin {}

  /**
   * One abstract value: its size in JVM slots, its possible origins, and whether it is the
   * current thread on every path.
   */
  record Val(int size, Set<Origin> origins, boolean currentThread) {
    static final Val ONE = new Val(1, Set.of(), false);
    static final Val TWO = new Val(2, Set.of(), false);

    static Val unknown(int size) {
      return size == 2 ? TWO : ONE;
    }

    static Val of(Origin o) {
      return new Val(1, Set.of(o), false);
    }

    Val join(Val other) {
      if (this == other || this.equals(other)) {
        return this;
      }
      Set<Origin> o;
      if (origins.containsAll(other.origins)) {
        o = origins;
      } else if (other.origins.containsAll(origins)) {
        o = other.origins;
      } else {
        Set<Origin> u = new LinkedHashSet<>(origins);
        u.addAll(other.origins);
        o = Set.copyOf(u);
      }
      return new Val(Math.max(size, other.size), o, currentThread && other.currentThread);
    }
  }

  /**
   * What {@link #analyse} found.
   *
   * @param operands bytecode offset of each reachable {@code monitorenter} and {@code
   *     Thread.interrupt()} call → the value on top of the stack there (monitor or receiver)
   * @param ownFieldStores field of the analysed class → origins of every value the method stores
   *     into it
   */
  record Result(Map<Integer, Val> operands, Map<String, Set<Origin>> ownFieldStores) {}

  private static final Set<String> BOXES = Set.of("java/lang/Integer", "java/lang/Long",
      "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/Boolean");
  /** The current thread: a must-property for interrupts, and a host object for monitors. */
  private static final Val CURRENT_THREAD = new Val(1,
      Set.of(new Shared("Thread.currentThread() (a host thread; Thread.join waits on it)")), true);
  private static final int MAX_LITERAL = 40;

  /** Thrown inside the analysis for bytecode it does not model; {@link #analyse} returns null. */
  private static final class Unanalysable extends Exception {
    Unanalysable() {
      super(null, null, false, false);
    }
  }

  private final String thisClass;
  private final Predicate<String> hostShared;
  private final List<Instruction> insns = new ArrayList<>();
  private final List<Integer> bcis = new ArrayList<>();
  private final Map<Label, Integer> labels = new HashMap<>();
  private int[][] handlers;
  private Frame[] in;

  private ValueFlow(String thisClass, Predicate<String> hostShared) {
    this.thisClass = thisClass;
    this.hostShared = hostShared;
  }

  /**
   * Analyses {@code code}, a method of class {@code thisClass} (internal name). {@code
   * hostShared} says whether a class (internal name) is shared with the host — a JDK class or a
   * host class the domain sees — so that its class object and static fields are shared objects;
   * the domain's own classes and its granted libraries, loaded per domain, are not. Returns
   * {@code null} for code it does not model.
   */
  static Result analyse(CodeModel code, String thisClass, Predicate<String> hostShared) {
    try {
      return new ValueFlow(thisClass, hostShared).run(code);
    } catch (Unanalysable e) {
      return null;
    }
  }

  /** Whether {@code i} is a call the analysis reports an operand for ({@code Thread.interrupt}). */
  static boolean isThreadInterrupt(InvokeInstruction i) {
    return i.opcode() == Opcode.INVOKEVIRTUAL
        && i.owner().asInternalName().equals("java/lang/Thread")
        && i.name().equalsString("interrupt") && i.type().equalsString("()V");
  }

  private Result run(CodeModel code) throws Unanalysable {
    int bci = 0;
    for (CodeElement e : code) {
      switch (e) {
        case LabelTarget t -> labels.put(t.label(), insns.size());
        case DiscontinuedInstruction d -> throw new Unanalysable();
        case Instruction i -> {
          insns.add(i);
          bcis.add(bci);
          bci += i.sizeInBytes();
        }
        default -> { }
      }
    }
    int n = insns.size();
    List<List<Integer>> h = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      h.add(List.of());
    }
    for (ExceptionCatch c : code.exceptionHandlers()) {
      int start = index(c.tryStart());
      int end = index(c.tryEnd());
      int handler = index(c.handler());
      for (int i = start; i < end && i < n; i++) {
        List<Integer> l = new ArrayList<>(h.get(i));
        l.add(handler);
        h.set(i, l);
      }
    }
    handlers = new int[n][];
    for (int i = 0; i < n; i++) {
      handlers[i] = h.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    int maxLocals = code instanceof CodeAttribute ca ? ca.maxLocals() : 256;
    in = new Frame[n];
    if (n == 0) {
      return new Result(Map.of(), Map.of());
    }
    in[0] = new Frame(maxLocals);
    ArrayDeque<Integer> work = new ArrayDeque<>();
    work.push(0);
    long budget = 64L * n + 10_000; // joins are monotone over a finite lattice; this is a backstop
    while (!work.isEmpty()) {
      if (--budget < 0) {
        throw new Unanalysable();
      }
      int i = work.pop();
      Frame before = in[i];
      for (int handler : handlers[i]) {
        Frame ex = before.copy();
        ex.stack.clear();
        ex.stack.add(Val.ONE);
        merge(handler, ex, work);
      }
      Frame f = before.copy();
      for (int succ : step(insns.get(i), f, i)) {
        merge(succ, f, work);
      }
    }
    return collect();
  }

  private Result collect() {
    Map<Integer, Val> operands = new HashMap<>();
    Map<String, Set<Origin>> stores = new HashMap<>();
    for (int i = 0; i < insns.size(); i++) {
      Frame f = in[i];
      if (f == null) {
        continue; // unreachable
      }
      switch (insns.get(i)) {
        case MonitorInstruction m when m.opcode() == Opcode.MONITORENTER ->
            operands.put(bcis.get(i), f.peek());
        case InvokeInstruction inv when isThreadInterrupt(inv) ->
            operands.put(bcis.get(i), f.peek());
        case FieldInstruction fi when (fi.opcode() == Opcode.PUTSTATIC
            || fi.opcode() == Opcode.PUTFIELD) && fi.owner().asInternalName().equals(thisClass) ->
            stores.computeIfAbsent(fi.name().stringValue(), k -> new HashSet<>())
                .addAll(f.peek().origins());
        default -> { }
      }
    }
    return new Result(operands, stores);
  }

  private int index(Label l) throws Unanalysable {
    Integer i = labels.get(l);
    if (i == null) {
      throw new Unanalysable();
    }
    return i;
  }

  private void merge(int target, Frame f, ArrayDeque<Integer> work) throws Unanalysable {
    if (target >= insns.size()) {
      throw new Unanalysable(); // falls off the end of the code
    }
    Frame old = in[target];
    if (old == null) {
      in[target] = f.copy();
      work.push(target);
      return;
    }
    Frame joined = old.join(f);
    if (joined != old) {
      in[target] = joined;
      work.push(target);
    }
  }

  private static final int[] NONE = {};

  /** Applies {@code insn} to {@code f}; returns the successors' instruction indices. */
  private int[] step(Instruction insn, Frame f, int i) throws Unanalysable {
    int next = i + 1;
    switch (insn) {
      case LoadInstruction l -> {
        Val v = f.local(l.slot());
        f.push(v.size() == l.typeKind().slotSize() ? v : Val.unknown(l.typeKind().slotSize()));
      }
      case StoreInstruction s -> f.store(s.slot(), f.pop());
      case IncrementInstruction inc -> f.store(inc.slot(), Val.ONE);
      case ConstantInstruction.LoadConstantInstruction ldc -> f.push(switch (ldc.constantEntry()) {
        case StringEntry s -> Val.of(new Shared("the string literal " + quote(s.stringValue())
            + " (interned, shared JVM-wide)"));
        case ClassEntry c when sharedClassConstant(c.asInternalName()) -> Val.of(new Shared(
            "the class object " + displayName(c.asInternalName()) + " (shared with the host)"));
        default -> Val.unknown(ldc.typeKind().slotSize());
      });
      case ConstantInstruction c -> f.push(Val.unknown(c.typeKind().slotSize()));
      case FieldInstruction fi -> {
        String owner = fi.owner().asInternalName();
        int size = slots(fi.type().stringValue());
        switch (fi.opcode()) {
          case GETSTATIC -> f.push(owner.equals(thisClass)
              ? new Val(size, Set.of(new OwnField(fi.name().stringValue())), false)
              : !hostShared.test(owner) ? Val.unknown(size)
              : new Val(size, Set.of(new Shared("static field " + owner.replace('/', '.') + "."
                  + fi.name().stringValue() + " (shared with the host)")), false));
          case GETFIELD -> {
            f.pop();
            f.push(owner.equals(thisClass)
                ? new Val(size, Set.of(new OwnField(fi.name().stringValue())), false)
                : Val.unknown(size));
          }
          case PUTSTATIC -> f.pop();
          default -> {
            f.pop();
            f.pop();
          }
        }
      }
      case InvokeInstruction inv -> {
        MethodTypeDesc t = inv.typeSymbol();
        for (int k = 0; k < t.parameterCount(); k++) {
          f.pop();
        }
        if (inv.opcode() != Opcode.INVOKESTATIC) {
          f.pop();
        }
        int size = slots(t.returnType().descriptorString());
        if (size > 0) {
          f.push(result(inv, size));
        }
      }
      case InvokeDynamicInstruction indy -> {
        MethodTypeDesc t = indy.typeSymbol();
        for (int k = 0; k < t.parameterCount(); k++) {
          f.pop();
        }
        int size = slots(t.returnType().descriptorString());
        if (size > 0) {
          f.push(Val.unknown(size));
        }
      }
      case NewObjectInstruction o -> f.push(Val.ONE);
      case NewPrimitiveArrayInstruction a -> replaceTop(f, Val.ONE);
      case NewReferenceArrayInstruction a -> replaceTop(f, Val.ONE);
      case NewMultiArrayInstruction a -> {
        for (int k = 0; k < a.dimensions(); k++) {
          f.pop();
        }
        f.push(Val.ONE);
      }
      case ArrayLoadInstruction a -> {
        f.pop();
        f.pop();
        f.push(Val.unknown(a.typeKind().slotSize()));
      }
      case ArrayStoreInstruction a -> {
        f.pop();
        f.pop();
        f.pop();
      }
      case OperatorInstruction o -> {
        switch (o.opcode()) {
          case ARRAYLENGTH -> replaceTop(f, Val.ONE);
          case INEG, LNEG, FNEG, DNEG -> replaceTop(f, Val.unknown(o.typeKind().slotSize()));
          case LCMP, FCMPL, FCMPG, DCMPL, DCMPG -> {
            f.pop();
            f.pop();
            f.push(Val.ONE);
          }
          default -> {
            f.pop();
            f.pop();
            f.push(Val.unknown(o.typeKind().slotSize()));
          }
        }
      }
      case ConvertInstruction c -> replaceTop(f, Val.unknown(c.toType().slotSize()));
      case StackInstruction s -> stack(s.opcode(), f);
      case TypeCheckInstruction t -> {
        if (t.opcode() == Opcode.INSTANCEOF) {
          replaceTop(f, Val.ONE);
        } // a checkcast leaves the same object on the stack
      }
      case MonitorInstruction m -> f.pop();
      case NopInstruction nop -> { }
      case BranchInstruction b -> {
        int target = index(b.target());
        switch (b.opcode()) {
          case GOTO, GOTO_W -> {
            return new int[] {target};
          }
          case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE, IFNULL, IFNONNULL -> f.pop();
          default -> {
            f.pop();
            f.pop();
          }
        }
        return new int[] {target, next};
      }
      case LookupSwitchInstruction s -> {
        f.pop();
        return targets(s.defaultTarget(), s.cases());
      }
      case TableSwitchInstruction s -> {
        f.pop();
        return targets(s.defaultTarget(), s.cases());
      }
      case ReturnInstruction r -> {
        return NONE;
      }
      case ThrowInstruction t -> {
        return NONE;
      }
      default -> throw new Unanalysable();
    }
    return new int[] {next};
  }

  private int[] targets(Label dflt, List<SwitchCase> cases) throws Unanalysable {
    int[] t = new int[cases.size() + 1];
    t[0] = index(dflt);
    for (int k = 0; k < cases.size(); k++) {
      t[k + 1] = index(cases.get(k).target());
    }
    return t;
  }

  private Val result(InvokeInstruction inv, int size) {
    String owner = inv.owner().asInternalName();
    String name = inv.name().stringValue();
    if (inv.opcode() == Opcode.INVOKESTATIC && owner.equals("java/lang/Thread")
        && name.equals("currentThread")) {
      return CURRENT_THREAD;
    }
    boolean box = inv.opcode() == Opcode.INVOKESTATIC && BOXES.contains(owner)
        && name.equals("valueOf");
    boolean intern = owner.equals("java/lang/String") && name.equals("intern");
    if (box || intern) {
      return Val.of(new Shared((box ? "the boxed value from " : "the result of ")
          + owner.replace('/', '.') + "." + name + inv.type().stringValue()
          + (box ? " (boxes may be cached and shared JVM-wide)" : " (interned, shared JVM-wide)")));
    }
    return Val.unknown(size);
  }

  /** Whether a class constant's class object is shared with the host (arrays: by element). */
  private boolean sharedClassConstant(String internal) {
    String s = internal;
    while (s.startsWith("[")) {
      s = s.substring(1);
    }
    if (s.length() != internal.length()) {
      if (!s.startsWith("L")) {
        return true; // primitive arrays' class objects are the JVM's
      }
      s = s.substring(1, s.length() - 1);
    }
    return hostShared.test(s);
  }

  private static String displayName(String internal) {
    int dims = 0;
    while (internal.charAt(dims) == '[') {
      dims++;
    }
    String element = dims == 0 ? internal
        : internal.charAt(dims) == 'L' ? internal.substring(dims + 1, internal.length() - 1)
        : ClassDesc.ofDescriptor(internal.substring(dims)).displayName(); // a primitive
    return element.replace('/', '.') + "[]".repeat(dims);
  }

  private static String quote(String s) {
    String body = s.length() > MAX_LITERAL ? s.substring(0, MAX_LITERAL) + "..." : s;
    StringBuilder b = new StringBuilder("\"");
    for (char c : body.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static int slots(String descriptor) {
    return switch (descriptor) {
      case "V" -> 0;
      case "J", "D" -> 2;
      default -> 1;
    };
  }

  private static void replaceTop(Frame f, Val v) throws Unanalysable {
    f.pop();
    f.push(v);
  }

  /** The JVM's stack-manipulation instructions, on values of one or two slots. */
  private static void stack(Opcode op, Frame f) throws Unanalysable {
    switch (op) {
      case POP -> f.pop();
      case POP2 -> {
        if (f.pop().size() == 1) {
          f.pop();
        }
      }
      case DUP -> f.push(f.peek());
      case DUP_X1 -> {
        Val v1 = f.pop();
        Val v2 = f.pop();
        f.push(v1, v2, v1);
      }
      case DUP_X2 -> {
        Val v1 = f.pop();
        Val v2 = f.pop();
        if (v2.size() == 2) {
          f.push(v1, v2, v1);
        } else {
          Val v3 = f.pop();
          f.push(v1, v3, v2, v1);
        }
      }
      case DUP2 -> {
        Val v1 = f.pop();
        if (v1.size() == 2) {
          f.push(v1, v1);
        } else {
          Val v2 = f.pop();
          f.push(v2, v1, v2, v1);
        }
      }
      case DUP2_X1 -> {
        Val v1 = f.pop();
        if (v1.size() == 2) {
          Val v2 = f.pop();
          f.push(v1, v2, v1);
        } else {
          Val v2 = f.pop();
          Val v3 = f.pop();
          f.push(v2, v1, v3, v2, v1);
        }
      }
      case DUP2_X2 -> {
        Val v1 = f.pop();
        if (v1.size() == 2) {
          Val v2 = f.pop();
          if (v2.size() == 2) {
            f.push(v1, v2, v1);
          } else {
            Val v3 = f.pop();
            f.push(v1, v3, v2, v1);
          }
        } else {
          Val v2 = f.pop();
          Val v3 = f.pop();
          if (v3.size() == 2) {
            f.push(v2, v1, v3, v2, v1);
          } else {
            Val v4 = f.pop();
            f.push(v2, v1, v4, v3, v2, v1);
          }
        }
      }
      case SWAP -> {
        Val v1 = f.pop();
        Val v2 = f.pop();
        f.push(v1, v2);
      }
      default -> throw new Unanalysable();
    }
  }

  /** Locals and operand stack before one instruction. */
  private static final class Frame {
    final Val[] locals;
    final ArrayList<Val> stack;

    Frame(int maxLocals) {
      locals = new Val[maxLocals];
      Arrays.fill(locals, Val.ONE);
      stack = new ArrayList<>();
    }

    private Frame(Val[] locals, ArrayList<Val> stack) {
      this.locals = locals;
      this.stack = stack;
    }

    Frame copy() {
      return new Frame(locals.clone(), new ArrayList<>(stack));
    }

    Val local(int slot) throws Unanalysable {
      if (slot < 0 || slot >= locals.length) {
        throw new Unanalysable();
      }
      return locals[slot];
    }

    void store(int slot, Val v) throws Unanalysable {
      if (slot < 0 || slot + v.size() > locals.length) {
        throw new Unanalysable();
      }
      locals[slot] = v;
      if (v.size() == 2) {
        locals[slot + 1] = Val.ONE;
      }
    }

    void push(Val... vs) {
      stack.addAll(Arrays.asList(vs));
    }

    Val pop() throws Unanalysable {
      if (stack.isEmpty()) {
        throw new Unanalysable();
      }
      return stack.removeLast();
    }

    Val peek() {
      return stack.isEmpty() ? Val.ONE : stack.getLast();
    }

    /** This frame joined with {@code o}: {@code this} itself if nothing changes. */
    Frame join(Frame o) throws Unanalysable {
      if (o.stack.size() != stack.size() || o.locals.length != locals.length) {
        throw new Unanalysable();
      }
      Val[] l = null;
      for (int k = 0; k < locals.length; k++) {
        if (locals[k] == o.locals[k]) {
          continue;
        }
        Val j = locals[k].join(o.locals[k]);
        if (!j.equals(locals[k])) {
          if (l == null) {
            l = locals.clone();
          }
          l[k] = j;
        }
      }
      ArrayList<Val> s = null;
      for (int k = 0; k < stack.size(); k++) {
        if (stack.get(k) == o.stack.get(k)) {
          continue;
        }
        Val j = stack.get(k).join(o.stack.get(k));
        if (!j.equals(stack.get(k))) {
          if (s == null) {
            s = new ArrayList<>(stack);
          }
          s.set(k, j);
        }
      }
      if (l == null && s == null) {
        return this;
      }
      return new Frame(l == null ? locals : l, s == null ? stack : s);
    }
  }
}
