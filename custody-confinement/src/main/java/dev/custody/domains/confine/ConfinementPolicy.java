package dev.custody.domains.confine;

import static dev.custody.domains.confine.Category.CLASS_FOR_NAME;
import static dev.custody.domains.confine.Category.CLASS_LOADERS;
import static dev.custody.domains.confine.Category.ENVIRONMENT;
import static dev.custody.domains.confine.Category.EXIT;
import static dev.custody.domains.confine.Category.FILE_IO;
import static dev.custody.domains.confine.Category.FOREIGN;
import static dev.custody.domains.confine.Category.GC;
import static dev.custody.domains.confine.Category.JDK_INTERNAL;
import static dev.custody.domains.confine.Category.NATIVE;
import static dev.custody.domains.confine.Category.NETWORK_IO;
import static dev.custody.domains.confine.Category.PROCESSES;
import static dev.custody.domains.confine.Category.REFLECTION;
import static dev.custody.domains.confine.Category.STD_STREAMS;
import static dev.custody.domains.confine.Category.SYSTEM_PROPERTIES;
import static dev.custody.domains.confine.Category.THREADS;
import static dev.custody.domains.confine.Category.THREAD_CONTROL;
import static dev.custody.domains.confine.Category.UNSAFE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What code in a confined domain may do and see. Immutable: every {@code with…}/{@code allowing}
 * method returns a new policy. Thread-safe.
 *
 * <h2>The default policy ({@link #defaults()})</h2>
 *
 * Refuses any instruction (call, field access, {@code new}, class literal, type check, method
 * handle constant, {@code invokedynamic} bootstrap method or bootstrap argument — so lambdas and
 * method references are covered) that reaches, directly or through a JDK subclass:
 *
 * <ul>
 *   <li><b>reflection</b>: {@code AccessibleObject.setAccessible/trySetAccessible}, {@code
 *       Method.invoke}, {@code Constructor.newInstance}, {@code Field.get*}/{@code set*}, {@code
 *       Class.newInstance}, {@code Proxy.newProxyInstance/getProxyClass}, {@code
 *       MethodHandles.privateLookupIn/reflectAs}, {@code MethodHandles.Lookup.find*}/{@code
 *       unreflect*}/{@code in}, {@code ConstantBootstraps.invoke/fieldVarHandle/
 *       staticFieldVarHandle/getStaticFinal}, {@code Module.addOpens/addExports/addReads}. Public
 *       reflective <em>invocation</em> is refused too, since it would bypass every other rule.
 *   <li><b>class-for-name</b>: {@code Class.forName(String)} unless its argument is a constant
 *       naming a class the domain can see; other {@code forName} overloads; {@code
 *       ClassLoader.loadClass/findClass/findLoadedClass}.
 *   <li><b>unsafe</b>: {@code sun.misc.Unsafe}. <b>jdk-internal</b>: {@code jdk.internal.*},
 *       {@code sun.*}, {@code com.sun.*}.
 *   <li><b>native</b>: {@code native} methods, {@code System/Runtime.load/loadLibrary}. <b>foreign
 *       </b>: {@code java.lang.foreign.*}.
 *   <li><b>exit</b>: {@code System.exit}, {@code Runtime.exit/halt/addShutdownHook}.
 *   <li><b>gc</b>: {@code System.gc}, {@code Runtime.gc}, {@code System/Runtime.runFinalization}:
 *       a forced full collection pauses every host thread.
 *   <li><b>threads</b>: {@code Thread} constructors and subclassing, {@code
 *       Thread.ofPlatform/ofVirtual/startVirtualThread}, {@code Thread.Builder*}, {@code
 *       ThreadGroup}, {@code Executors.*}, constructors of {@code ThreadPoolExecutor}, {@code
 *       ScheduledThreadPoolExecutor}, {@code ForkJoinPool}, {@code ForkJoinWorkerThread}, {@code
 *       java.util.Timer}, {@code StructuredTaskScope*}, {@code Cleaner.create}; and running code on
 *       a shared pool, which escapes the domain entry as a new thread would: {@code
 *       CompletableFuture.*Async/delayedExecutor}, {@code ForkJoinPool.commonPool}, {@code
 *       ForkJoinTask.fork/invokeAll}, {@code Collection.parallelStream}, {@code
 *       BaseStream.parallel}, {@code Arrays.parallel*}.
 *   <li><b>thread-control</b>: domain code runs on its caller's thread, a host thread, so {@code
 *       Thread.setName/setPriority/setDaemon/setUncaughtExceptionHandler}, {@code
 *       Thread.setDefaultUncaughtExceptionHandler}, and reaching other threads ({@code
 *       Thread.getAllStackTraces/enumerate/getThreadGroup}, any use of {@code ThreadGroup}) are
 *       refused. {@code Thread.interrupt()} is refused unless its receiver is {@code
 *       Thread.currentThread()} on every path (the idiom after catching {@code
 *       InterruptedException}); a thread saved by an earlier call may be another caller's.
 *       Reads ({@code currentThread().getName()}, {@code isInterrupted}, {@code
 *       Thread.interrupted()}), {@code ThreadLocal} and {@code ScopedValue} stay allowed.
 *   <li><b>shared-monitor</b>: {@code synchronized} on an object shared with the host or JVM-wide,
 *       found by following the monitor back through the stack and locals of the method: a string
 *       literal, the class object of a JDK or host class (not of the domain's classes or granted
 *       libraries, which are loaded per domain), a static field of one, {@code
 *       Integer/Long/Short/Byte/Character/Boolean.valueOf} (autoboxing), {@code
 *       String.intern()}, {@code Thread.currentThread()} (a host thread), or a field of the same
 *       class assigned one of these. {@code synchronized} methods, {@code synchronized (this)}
 *       and locks the domain creates are fine. A shared object reaching the monitor through a
 *       parameter, a call result, an array or a field of another domain class is not caught.
 *   <li><b>class-loader</b>: {@code ClassLoader}/{@code SecureClassLoader} constructors and
 *       subclassing, {@code URLClassLoader}, {@code Lookup.defineClass/defineHiddenClass*}, {@code
 *       ClassLoader.getSystemClassLoader/getPlatformClassLoader}, {@code
 *       Thread.get/setContextClassLoader}, {@code ModuleLayer.defineModules*}, {@code
 *       java.lang.instrument}.
 *   <li><b>process</b>: {@code ProcessBuilder}, {@code Process}, {@code ProcessHandle} (so also
 *       the host's own pid and command line), {@code Runtime.exec}.
 *   <li><b>std-streams</b>: {@code System.setIn/setOut/setErr} (printing to {@code System.out}
 *       stays allowed). <b>system-properties</b>: {@code System.setProperty/clearProperty/
 *       setProperties}, and {@code System.getProperties}, which returns the live host object
 *       (writing to it changes properties JVM-wide). Reading one property ({@code
 *       System.getProperty}, {@code Integer.getInteger}, {@code Boolean.getBoolean}) stays
 *       allowed: properties are JVM configuration that libraries routinely read; a host that
 *       keeps secrets in properties must not confine untrusted code in that JVM.
 *   <li><b>environment</b>: {@code System.getenv} (both forms), {@code System.console}, {@code
 *       java.io.Console}, {@code java.lang.management.*} and {@code javax.management.*} (JVM
 *       arguments, pid, all threads). A domain that needs a value from the environment gets it
 *       as a capability: the host reads it and grants it, e.g. {@code
 *       withCapability("REGION", System.getenv("REGION"))}, and the domain asks {@code
 *       caps.get("REGION", String.class)}.
 *   <li><b>file-io</b>: {@code java.io.File*}, {@code RandomAccessFile}, {@code java.nio.file.*},
 *       {@code FileChannel}, {@code AsynchronousFileChannel}, {@code ZipFile}, {@code JarFile},
 *       {@code java.util.logging.FileHandler}, the file-name constructors of {@code PrintStream},
 *       {@code PrintWriter} and {@code Formatter}.
 *   <li><b>network-io</b>: {@code java.net.*} except {@code URI}, {@code URLEncoder}, {@code
 *       URLDecoder} and {@code URL} parsing ({@code URL.openConnection/openStream/getContent}
 *       are refused), {@code java.nio.channels.*}, {@code javax.net.*}, {@code java.rmi.*}, {@code
 *       javax.naming.*}, {@code jdk.net.*}.
 *   <li><b>custody-internal</b>: any {@code dev.custody} class that is not Custody's public API
 *       (including {@code ProxySupport}, {@code CallContext}, {@code CallDeadline}, {@code Slot}),
 *       and the domain-management members {@code Domain.host/shutdown/revokeAll/addGuard/
 *       removeGuard}.
 * </ul>
 *
 * <h2>Visibility</h2>
 *
 * A confined domain's class loader sees the JDK (platform class loader), its own classes, the
 * {@linkplain #apiPackages() Custody API packages}, the packages of the domain interfaces it
 * declares, packages added with {@link #withVisiblePackage}, and {@linkplain #withLibrary granted
 * libraries} (loaded per domain, trusted: not validated, like Rust's {@code unsafe} crates).
 *
 * <h2>Capabilities</h2>
 *
 * Instead of lifting a rule, the host can hand the domain an object that does the forbidden thing
 * under the host's terms, for example a {@link FileCapability} rooted in one directory: {@link
 * #withCapability(String, Object)}. The domain's entry class receives them as {@link
 * Capabilities}.
 */
public final class ConfinementPolicy {

  /** Custody packages a domain may see (exact packages, not subpackages). */
  private static final Set<String> API_PACKAGES = Set.of(
      "dev.custody", "dev.custody.ifc", "dev.custody.domains", "dev.custody.checkpoint",
      "dev.custody.netfn", "dev.custody.netfn.pipeline", "dev.custody.netfn.packet",
      "dev.custody.domains.confine.demo");

  /** The public API classes of this package; the rest of it (loader, validator) is internal. */
  private static final Set<String> API_CLASSES = Set.of(
      "dev.custody.domains.confine.Capabilities",
      "dev.custody.domains.confine.FileCapability",
      "dev.custody.domains.confine.CapabilityException");

  /** Public classes of API packages that only generated code and the runtime may use. */
  private static final Set<String> INTERNAL_CLASSES = Set.of(
      "dev.custody.domains.ProxySupport", "dev.custody.domains.CallContext",
      "dev.custody.domains.CallDeadline", "dev.custody.domains.Slot");

  private static final List<Rule> DEFAULT_RULES = defaultRules();

  /** Bound on {@link #decisions}, so made-up member names cannot grow it without limit. */
  private static final int MAX_CACHED_DECISIONS = 200_000;
  /** Marks "allowed" in {@link #decisions}, which cannot hold null. */
  private static final Object ALLOWED = new Object();

  /**
   * Decisions for JDK members, keyed {@code owner.member descriptor}: the same few thousand JDK
   * members recur in every class, and a decision depends only on this policy and the (immutable)
   * JDK class hierarchy.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Object> decisions =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<Category> allowed;
  private final Map<String, Object> capabilities;
  private final List<Path> libraries;
  private final Set<String> visiblePackages;

  private ConfinementPolicy(Set<Category> allowed, Map<String, Object> capabilities,
      List<Path> libraries, Set<String> visiblePackages) {
    this.allowed = allowed;
    this.capabilities = capabilities;
    this.libraries = libraries;
    this.visiblePackages = visiblePackages;
  }

  /** The default policy: everything listed in the class comment is refused. */
  public static ConfinementPolicy defaults() {
    return DEFAULTS;
  }

  private static final ConfinementPolicy DEFAULTS =
      new ConfinementPolicy(Set.of(), Map.of(), List.of(), Set.of());

  /**
   * A policy that no longer refuses the given categories. Meant for trusted code; prefer a
   * capability. {@link Category#CUSTODY_INTERNAL} cannot be lifted.
   */
  public ConfinementPolicy allowing(Category... categories) {
    EnumSet<Category> set = EnumSet.noneOf(Category.class);
    set.addAll(allowed);
    for (Category c : categories) {
      if (c == Category.CUSTODY_INTERNAL) {
        throw new IllegalArgumentException("custody-internal cannot be allowed");
      }
      set.add(Objects.requireNonNull(c));
    }
    return new ConfinementPolicy(Set.copyOf(set), capabilities, libraries, visiblePackages);
  }

  /**
   * A policy that hands {@code capability} to the domain under {@code name}. The object must be
   * an instance of a type the domain can see (a Custody API interface such as {@link
   * FileCapability}, or a type from a declared interface package).
   *
   * @throws IllegalArgumentException if the name is already taken
   */
  public ConfinementPolicy withCapability(String name, Object capability) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(capability, "capability");
    if (capabilities.containsKey(name)) {
      throw new IllegalArgumentException("capability '" + name + "' granted twice");
    }
    Map<String, Object> m = new LinkedHashMap<>(capabilities);
    m.put(name, capability);
    return new ConfinementPolicy(allowed, java.util.Collections.unmodifiableMap(m), libraries,
        visiblePackages);
  }

  /** A policy that grants a trusted library (jar or class directory), loaded per domain. */
  public ConfinementPolicy withLibrary(Path jarOrDir) {
    List<Path> l = new ArrayList<>(libraries);
    l.add(Objects.requireNonNull(jarOrDir));
    return new ConfinementPolicy(allowed, capabilities, List.copyOf(l), visiblePackages);
  }

  /** A policy under which the domain also sees the host's classes in {@code packageName}. */
  public ConfinementPolicy withVisiblePackage(String packageName) {
    Set<String> s = new java.util.HashSet<>(visiblePackages);
    s.add(Objects.requireNonNull(packageName));
    return new ConfinementPolicy(allowed, capabilities, libraries, Set.copyOf(s));
  }

  /** Granted capabilities by name, in grant order. */
  public Map<String, Object> capabilities() {
    return capabilities;
  }

  /** Granted trusted libraries. */
  public List<Path> libraries() {
    return libraries;
  }

  /** Categories this policy does not refuse. */
  public Set<Category> allowedCategories() {
    return allowed;
  }

  /** Host packages visible beyond the Custody API and declared interface packages. */
  public Set<String> visiblePackages() {
    return visiblePackages;
  }

  /** The Custody packages every confined domain sees. */
  public static Set<String> apiPackages() {
    return API_PACKAGES;
  }

  /** Whether {@code binaryName} is a Custody public API class. */
  static boolean isCustodyApi(String binaryName) {
    if (INTERNAL_CLASSES.contains(binaryName)) {
      return false;
    }
    return API_PACKAGES.contains(packageOf(binaryName)) || API_CLASSES.contains(binaryName);
  }

  static String packageOf(String binaryName) {
    int i = binaryName.lastIndexOf('.');
    return i < 0 ? "" : binaryName.substring(0, i);
  }

  /**
   * The category refusing a use of {@code owner}'s {@code member} (both JVM internal names;
   * member {@code null} for a bare class use), or {@code null} if allowed. Only the given class
   * is considered; the validator walks supertypes.
   */
  Category refusal(String owner, String member, String descriptor, boolean exactOwner) {
    for (Rule r : DEFAULT_RULES) {
      if (!r.matchesOwner(owner)) {
        continue;
      }
      if (r.isClassLevel()) {
        return effective(r.category());
      }
      // Constructors are not inherited: a rule on <init> only binds its own class.
      if (!exactOwner && "<init>".equals(r.member())) {
        continue;
      }
      if (r.matchesMember(member, descriptor)) {
        return effective(r.category());
      }
    }
    return null;
  }

  /** {@code compute}'s answer for {@code key}, memoised (see {@link #decisions}). */
  Category cached(String key, java.util.function.Supplier<Category> compute) {
    Object d = decisions.get(key);
    if (d == null) {
      Category c = compute.get();
      d = c == null ? ALLOWED : c;
      if (decisions.size() < MAX_CACHED_DECISIONS) {
        decisions.put(key, d);
      }
    }
    return d == ALLOWED ? null : (Category) d;
  }

  private Category effective(Category c) {
    return c == null || allowed.contains(c) ? null : c;
  }

  private static List<Rule> defaultRules() {
    List<Rule> r = new ArrayList<>();
    // Order matters: the first rule whose owner and member match decides.
    // Custody API members that manage domains other than the caller's
    for (String m : List.of("host", "shutdown", "revokeAll", "addGuard", "removeGuard")) {
      r.add(Rule.deny("dev/custody/domains/Domain", m, Category.CUSTODY_INTERNAL));
    }
    // reflection
    r.add(Rule.deny("java/lang/reflect/AccessibleObject", "setAccessible", REFLECTION));
    r.add(Rule.deny("java/lang/reflect/AccessibleObject", "trySetAccessible", REFLECTION));
    r.add(Rule.deny("java/lang/reflect/Method", "invoke", REFLECTION));
    r.add(Rule.deny("java/lang/reflect/Constructor", "newInstance", REFLECTION));
    for (String t : List.of("", "Boolean", "Byte", "Char", "Short", "Int", "Long", "Float",
        "Double")) {
      r.add(Rule.deny("java/lang/reflect/Field", "get" + t, REFLECTION));
      r.add(Rule.deny("java/lang/reflect/Field", "set" + t, REFLECTION));
    }
    r.add(Rule.deny("java/lang/reflect/Proxy", "newProxyInstance", REFLECTION));
    r.add(Rule.deny("java/lang/reflect/Proxy", "getProxyClass", REFLECTION));
    r.add(Rule.deny("java/lang/Class", "newInstance", REFLECTION));
    r.add(Rule.deny("java/lang/invoke/MethodHandles", "privateLookupIn", REFLECTION));
    r.add(Rule.deny("java/lang/invoke/MethodHandles", "reflectAs", REFLECTION));
    r.add(Rule.deny("java/lang/invoke/MethodHandles$Lookup", "defineClass", CLASS_LOADERS));
    r.add(Rule.deny("java/lang/invoke/MethodHandles$Lookup", "defineHiddenClass*", CLASS_LOADERS));
    r.add(Rule.deny("java/lang/invoke/MethodHandles$Lookup", "find*", REFLECTION));
    r.add(Rule.deny("java/lang/invoke/MethodHandles$Lookup", "unreflect*", REFLECTION));
    r.add(Rule.deny("java/lang/invoke/MethodHandles$Lookup", "in", REFLECTION));
    r.add(Rule.deny("java/lang/invoke/ConstantBootstraps", "invoke", REFLECTION));
    r.add(Rule.deny("java/lang/invoke/ConstantBootstraps", "fieldVarHandle", REFLECTION));
    r.add(Rule.deny("java/lang/invoke/ConstantBootstraps", "staticFieldVarHandle", REFLECTION));
    r.add(Rule.deny("java/lang/invoke/ConstantBootstraps", "getStaticFinal", REFLECTION));
    r.add(Rule.deny("java/lang/Module", "addOpens", REFLECTION));
    r.add(Rule.deny("java/lang/Module", "addExports", REFLECTION));
    r.add(Rule.deny("java/lang/Module", "addReads", REFLECTION));
    // class-for-name: forName(String) with a constant is checked by the validator before this.
    r.add(Rule.deny("java/lang/Class", "forName", CLASS_FOR_NAME));
    r.add(Rule.deny("java/lang/ClassLoader", "loadClass", CLASS_FOR_NAME));
    r.add(Rule.deny("java/lang/ClassLoader", "findClass", CLASS_FOR_NAME));
    r.add(Rule.deny("java/lang/ClassLoader", "findLoadedClass", CLASS_FOR_NAME));
    // unsafe and internals
    r.add(Rule.denyClass("sun/misc/Unsafe", UNSAFE));
    r.add(Rule.denyClass("jdk/internal/misc/Unsafe", UNSAFE));
    r.add(Rule.denyClass("jdk/internal/", JDK_INTERNAL));
    r.add(Rule.denyClass("sun/", JDK_INTERNAL));
    r.add(Rule.denyClass("com/sun/", JDK_INTERNAL));
    // native and foreign
    r.add(Rule.deny("java/lang/System", "load", NATIVE));
    r.add(Rule.deny("java/lang/System", "loadLibrary", NATIVE));
    r.add(Rule.deny("java/lang/Runtime", "load", NATIVE));
    r.add(Rule.deny("java/lang/Runtime", "loadLibrary", NATIVE));
    r.add(Rule.denyClass("java/lang/foreign/", FOREIGN));
    // exit
    r.add(Rule.deny("java/lang/System", "exit", EXIT));
    r.add(Rule.deny("java/lang/Runtime", "exit", EXIT));
    r.add(Rule.deny("java/lang/Runtime", "halt", EXIT));
    r.add(Rule.deny("java/lang/Runtime", "addShutdownHook", EXIT));
    r.add(Rule.deny("java/lang/Runtime", "removeShutdownHook", EXIT));
    // gc: a forced full collection pauses every thread of the host
    for (String owner : List.of("java/lang/System", "java/lang/Runtime")) {
      r.add(Rule.deny(owner, "gc", GC));
      r.add(Rule.deny(owner, "runFinalization", GC));
    }
    // threads
    r.add(Rule.deny("java/lang/Thread", "<init>", THREADS));
    r.add(Rule.deny("java/lang/Thread", "ofPlatform", THREADS));
    r.add(Rule.deny("java/lang/Thread", "ofVirtual", THREADS));
    r.add(Rule.deny("java/lang/Thread", "startVirtualThread", THREADS));
    r.add(Rule.deny("java/lang/Thread", "getContextClassLoader", CLASS_LOADERS));
    r.add(Rule.deny("java/lang/Thread", "setContextClassLoader", CLASS_LOADERS));
    r.add(Rule.denyClass("java/lang/Thread$Builder*", THREADS));
    r.add(Rule.deny("java/lang/ThreadGroup", "<init>", THREADS));
    r.add(Rule.denyClass("java/util/concurrent/Executors", THREADS));
    r.add(Rule.deny("java/util/concurrent/ThreadPoolExecutor", "<init>", THREADS));
    r.add(Rule.deny("java/util/concurrent/ScheduledThreadPoolExecutor", "<init>", THREADS));
    r.add(Rule.deny("java/util/concurrent/ForkJoinPool", "<init>", THREADS));
    r.add(Rule.deny("java/util/concurrent/ForkJoinWorkerThread", "<init>", THREADS));
    r.add(Rule.denyClass("java/util/concurrent/StructuredTaskScope*", THREADS));
    r.add(Rule.deny("java/util/Timer", "<init>", THREADS));
    r.add(Rule.deny("java/lang/ref/Cleaner", "create", THREADS));
    // Thread control. Domain code runs on its caller's thread, a host thread: renaming it or
    // changing its priority or handlers outlives the call. Interrupting is refused except on
    // Thread.currentThread() (the idiom after catching InterruptedException), which the validator
    // recognises by following the receiver; a thread saved by an earlier call may be another
    // caller's. Enumerating threads hands out the host's threads.
    for (String m : List.of("setName", "setPriority", "setDaemon", "setUncaughtExceptionHandler",
        "setDefaultUncaughtExceptionHandler", "interrupt", "getAllStackTraces", "enumerate",
        "getThreadGroup")) {
      r.add(Rule.deny("java/lang/Thread", m, THREAD_CONTROL));
    }
    r.add(Rule.denyClass("java/lang/ThreadGroup", THREAD_CONTROL)); // after its <init> [threads]
    // Running domain code on a shared pool's threads escapes the domain's entry (containment,
    // current domain, deadlines) just as a new thread would.
    r.add(Rule.deny("java/util/concurrent/CompletableFuture", "*Async", THREADS));
    r.add(Rule.deny("java/util/concurrent/CompletableFuture", "delayedExecutor", THREADS));
    r.add(Rule.deny("java/util/concurrent/ForkJoinPool", "commonPool", THREADS));
    r.add(Rule.deny("java/util/concurrent/ForkJoinTask", "fork", THREADS));
    r.add(Rule.deny("java/util/concurrent/ForkJoinTask", "invokeAll", THREADS));
    r.add(Rule.deny("java/util/Collection", "parallelStream", THREADS));
    r.add(Rule.deny("java/util/stream/BaseStream", "parallel", THREADS));
    r.add(Rule.deny("java/util/Arrays", "parallel*", THREADS));
    // class loaders
    r.add(Rule.deny("java/lang/ClassLoader", "<init>", CLASS_LOADERS));
    r.add(Rule.deny("java/security/SecureClassLoader", "<init>", CLASS_LOADERS));
    r.add(Rule.deny("java/lang/ClassLoader", "getSystemClassLoader", CLASS_LOADERS));
    r.add(Rule.deny("java/lang/ClassLoader", "getPlatformClassLoader", CLASS_LOADERS));
    r.add(Rule.deny("java/lang/ClassLoader", "defineClass*", CLASS_LOADERS));
    r.add(Rule.denyClass("java/net/URLClassLoader", CLASS_LOADERS));
    r.add(Rule.deny("java/lang/ModuleLayer", "defineModules*", CLASS_LOADERS));
    r.add(Rule.denyClass("java/lang/ModuleLayer$Controller", CLASS_LOADERS));
    r.add(Rule.denyClass("java/lang/instrument/", CLASS_LOADERS));
    // processes
    r.add(Rule.denyClass("java/lang/ProcessBuilder*", PROCESSES));
    r.add(Rule.denyClass("java/lang/Process", PROCESSES));
    r.add(Rule.denyClass("java/lang/ProcessHandle*", PROCESSES));
    r.add(Rule.deny("java/lang/Runtime", "exec", PROCESSES));
    // standard streams and system properties
    r.add(Rule.deny("java/lang/System", "setOut", STD_STREAMS));
    r.add(Rule.deny("java/lang/System", "setErr", STD_STREAMS));
    r.add(Rule.deny("java/lang/System", "setIn", STD_STREAMS));
    r.add(Rule.deny("java/lang/System", "setProperty", SYSTEM_PROPERTIES));
    r.add(Rule.deny("java/lang/System", "clearProperty", SYSTEM_PROPERTIES));
    r.add(Rule.deny("java/lang/System", "setProperties", SYSTEM_PROPERTIES));
    // The live host Properties object: put/remove on it would change properties JVM-wide.
    r.add(Rule.deny("java/lang/System", "getProperties", SYSTEM_PROPERTIES));
    // the host's environment and identity (ProcessHandle is refused above, as a process)
    r.add(Rule.deny("java/lang/System", "getenv", ENVIRONMENT));
    r.add(Rule.deny("java/lang/System", "console", ENVIRONMENT));
    r.add(Rule.denyClass("java/io/Console", ENVIRONMENT));
    r.add(Rule.denyClass("java/lang/management/", ENVIRONMENT));
    r.add(Rule.denyClass("javax/management/", ENVIRONMENT));
    // file I/O
    r.add(Rule.denyClass("java/io/File*", FILE_IO));
    r.add(Rule.denyClass("java/io/RandomAccessFile", FILE_IO));
    r.add(Rule.denyClass("java/nio/file/", FILE_IO));
    r.add(Rule.denyClass("java/nio/channels/FileChannel", FILE_IO));
    r.add(Rule.denyClass("java/nio/channels/AsynchronousFileChannel", FILE_IO));
    r.add(Rule.denyClass("java/util/zip/ZipFile", FILE_IO));
    r.add(Rule.denyClass("java/util/jar/JarFile", FILE_IO));
    r.add(Rule.denyClass("java/util/logging/FileHandler", FILE_IO));
    r.add(new Rule("java/io/PrintStream", "<init>", "(Ljava/lang/String;", FILE_IO));
    r.add(new Rule("java/io/PrintWriter", "<init>", "(Ljava/lang/String;", FILE_IO));
    r.add(new Rule("java/util/Formatter", "<init>", "(Ljava/lang/String;", FILE_IO));
    // network I/O
    r.add(Rule.allowClass("java/net/URI"));
    r.add(Rule.allowClass("java/net/URI$*"));
    r.add(Rule.allowClass("java/net/URLEncoder"));
    r.add(Rule.allowClass("java/net/URLDecoder"));
    r.add(Rule.deny("java/net/URL", "openConnection", NETWORK_IO));
    r.add(Rule.deny("java/net/URL", "openStream", NETWORK_IO));
    r.add(Rule.deny("java/net/URL", "getContent", NETWORK_IO));
    r.add(Rule.allowClass("java/net/URL"));
    r.add(Rule.denyClass("java/net/", NETWORK_IO));
    r.add(Rule.denyClass("java/nio/channels/", NETWORK_IO));
    r.add(Rule.denyClass("javax/net/", NETWORK_IO));
    r.add(Rule.denyClass("java/rmi/", NETWORK_IO));
    r.add(Rule.denyClass("javax/naming/", NETWORK_IO));
    r.add(Rule.denyClass("jdk/net/", NETWORK_IO));
    return List.copyOf(r);
  }
}
