package dev.custody.domains.confine;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.DomainFailedException;
import dev.custody.domains.confine.demo.Header;
import dev.custody.domains.confine.demo.HeaderFilter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./custody demo} needs to show confinement: it loads the benign pipeline stage that
 * the build produces as a confined domain, and shows the validator refusing the hostile plugin
 * the build also produces.
 *
 * <p>The jars, relative to the Custody home ({@code -Dcustody.home}, which the launcher sets to
 * the project root; the working directory otherwise):
 *
 * <ul>
 *   <li>{@value #STAGE_JAR}: entry class {@value #STAGE_ENTRY}, a {@link HeaderFilter} (TTL
 *       decrement with drop at zero, destination NAT);
 *   <li>{@value #HOSTILE_JAR}: entry class {@value #HOSTILE_ENTRY}, which exits the JVM, starts a
 *       thread from a lambda, reads {@code /etc/passwd}, opens private fields and sets a system
 *       property in its static initialiser.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfinedDemoSupport {
  public static final String STAGE_JAR = "examples-confined-stage/target/confined-stage.jar";
  public static final String STAGE_ENTRY = "dev.example.stage.NatTtlStage";
  public static final String HOSTILE_JAR = "examples-hostile-plugin/target/hostile-plugin.jar";
  public static final String HOSTILE_ENTRY = "dev.example.hostile.EvilFilter";

  private ConfinedDemoSupport() {}

  /** The Custody home: {@code -Dcustody.home}, else the working directory. */
  public static Path home() {
    return Path.of(System.getProperty("custody.home", System.getProperty("user.dir")));
  }

  /** The benign stage's jar under {@code home}. */
  public static Path stageJar(Path home) {
    return home.resolve(STAGE_JAR);
  }

  /** The hostile plugin's jar under {@code home}. */
  public static Path hostileJar(Path home) {
    return home.resolve(HOSTILE_JAR);
  }

  /**
   * Loads the benign stage as a confined domain named {@code name}, under the default policy.
   *
   * @throws UnreadableClassException if the jar is missing (not built yet) or unreadable
   */
  public static ConfinedDomain<HeaderFilter> loadStage(Path home, String name)
      throws UnreadableClassException {
    return ConfinedDomains.load(name, stageJar(home), HeaderFilter.class, STAGE_ENTRY,
        ConfinementPolicy.defaults());
  }

  /**
   * Tries to load the hostile plugin as a confined domain and returns the refusal.
   *
   * @throws IllegalStateException if the plugin was (wrongly) accepted
   * @throws UnreadableClassException if the jar is missing or unreadable
   */
  public static ConfinementException hostileRefusal(Path home) throws UnreadableClassException {
    try {
      ConfinedDomains.load("hostile-plugin", hostileJar(home), HeaderFilter.class, HOSTILE_ENTRY,
          ConfinementPolicy.defaults());
    } catch (ConfinementException e) {
      return e;
    }
    throw new IllegalStateException("hostile plugin " + hostileJar(home) + " was accepted");
  }

  /**
   * Prints the confinement part of the demo to {@code out}: the stage loaded from its jar and
   * called through its generated proxy, processing a few headers; a header with protocol 0 that
   * makes the stage throw, so the runtime recovers it with a fresh class loader (statics clean,
   * same proxy); then the hostile plugin refused with every violation.
   *
   * @return {@code true} if everything behaved as it should
   */
  public static boolean run(Path home, PrintStream out) {
    try {
      if (!Files.exists(stageJar(home)) || !Files.exists(hostileJar(home))) {
        out.println("confinement: jars not built; run ./custody build (looked for "
            + stageJar(home) + " and " + hostileJar(home) + ")");
        return false;
      }
      ConfinedDomain<HeaderFilter> stage = loadStage(home, "nat-ttl");
      HeaderFilter filter = stage.proxy(); // the generated proxy: the ordinary cross-domain path
      out.println("confinement: loaded " + filter.describe() + " from " + STAGE_JAR
          + " as confined domain '" + stage.name() + "' (own class loader, validated)");
      List<Header> in = List.of(
          new Header("192.168.1.10", "10.0.0.1", 40000, 80, 6, 64),
          new Header("192.168.1.11", "10.0.0.9", 40001, 53, 17, 1),
          new Header("192.168.1.12", "10.0.0.1", 40002, 443, 6, 12));
      for (Header h : in) {
        Header r = filter.process(h);
        out.println("  " + h + "\n    -> " + (r == null ? "dropped" : r));
      }
      long before = filter.processed();
      out.println("  processed (static counter in the domain): " + before);
      try {
        filter.process(new Header("192.168.1.13", "10.0.0.1", 1, 1, 0, 64));
        out.println("  protocol 0 was accepted?");
        return false;
      } catch (DomainFailedException e) {
        out.println("  protocol 0 made the stage fail: " + e.getCause() + "; recovered = "
            + e.recovered());
      }
      long after = filter.processed();
      out.println("  same proxy after recovery (new class loader, statics clean): processed = "
          + after + " (generation " + stage.generation() + ")");
      ConfinementException refusal = hostileRefusal(home);
      out.println("confinement: " + HOSTILE_JAR + " refused, domain not created:");
      out.println(refusal.getMessage().lines().map(l -> "  " + l)
          .reduce((a, b) -> a + "\n" + b).orElse(""));
      return before == 3 && after == 0 && stage.generation() == 2;
    } catch (UnreadableClassException | CrossDomainException | RuntimeException e) {
      out.println("confinement: failed: " + e);
      return false;
    }
  }
}
