package dev.custody.domains.confine;

import static dev.custody.domains.confine.BytecodeValidatorTest.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.domains.confine.testapi.Greeter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The host's environment and identity, and host-wide system properties. */
class EnvironmentRuleTest {

  @Test
  void readingAnEnvironmentVariableIsRefusedWithItsPlace() {
    List<String> v = check("", "public String run() { return System.getenv(\"HOME\"); }");
    // ldc "HOME" (0), invokestatic getenv (2)
    assertThat(v).containsExactly("evil.Hostile.run()Ljava/lang/String; @ offset 2 (line 4):"
        + " calls java.lang.System.getenv(Ljava/lang/String;)Ljava/lang/String; [environment]");
  }

  static Stream<Arguments> hostIdentity() {
    return Stream.of(
        Arguments.of("return System.getenv();",
            "calls java.lang.System.getenv()Ljava/util/Map; [environment]"),
        Arguments.of("return System.console();",
            "calls java.lang.System.console()Ljava/io/Console; [environment]"),
        Arguments.of("return java.lang.management.ManagementFactory.getRuntimeMXBean()"
                + ".getInputArguments();",
            "calls java.lang.management.ManagementFactory.getRuntimeMXBean()"
                + "Ljava/lang/management/RuntimeMXBean; [environment]"),
        Arguments.of("return ProcessHandle.current().pid();",
            "calls java.lang.ProcessHandle.current()Ljava/lang/ProcessHandle; [process]"),
        Arguments.of("return ProcessHandle.current().info().commandLine();",
            "calls java.lang.ProcessHandle.info()Ljava/lang/ProcessHandle$Info; [process]"),
        Arguments.of("return Runtime.getRuntime().exec(new String[] {\"id\"});",
            "calls java.lang.Runtime.exec([Ljava/lang/String;)Ljava/lang/Process; [process]"),
        Arguments.of("return System.getProperties().put(\"user.dir\", \"/\");",
            "calls java.lang.System.getProperties()Ljava/util/Properties;"
                + " [system-properties]"),
        Arguments.of("return System.setProperty(\"user.dir\", \"/\");",
            "calls java.lang.System.setProperty(Ljava/lang/String;Ljava/lang/String;)"
                + "Ljava/lang/String; [system-properties]"),
        Arguments.of("return System.clearProperty(\"user.dir\");",
            "calls java.lang.System.clearProperty(Ljava/lang/String;)Ljava/lang/String;"
                + " [system-properties]"),
        Arguments.of("System.setProperties(null); return null;",
            "calls java.lang.System.setProperties(Ljava/util/Properties;)V"
                + " [system-properties]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostIdentity")
  void hostEnvironmentAndPropertyWritesAreRefused(String body, String expected) {
    List<String> v = check("", "public Object run() throws Exception { " + body + " }");
    assertThat(v).anySatisfy(s -> assertThat(s)
        .matches("evil\\.Hostile\\.run\\(\\)Ljava/lang/Object; @ offset \\d+ \\(line 4\\): .*")
        .endsWith(expected));
  }

  @Test
  void readingOnePropertyAndHarmlessRuntimeFactsAreAccepted() {
    List<String> v = check("", """
        public String run() {
          return System.getProperty("java.version") + System.getProperty("x", "d")
              + Integer.getInteger("n", 3) + Long.getLong("m") + Boolean.getBoolean("b")
              + System.lineSeparator() + Runtime.getRuntime().availableProcessors()
              + Runtime.version() + System.nanoTime();
        }""");
    assertThat(v).isEmpty();
  }

  @Test
  void anEnvironmentValueTheDomainNeedsIsHandedInAsACapability() throws Exception {
    String src = """
        package plug;
        import dev.custody.domains.confine.Capabilities;
        import dev.custody.domains.confine.testapi.Greeter;
        public class EnvUser implements Greeter {
          private final String region;
          public EnvUser(Capabilities caps) { region = caps.get("REGION", String.class); }
          public String greet(String who) { return who + "@" + region; }
          public int counter() { return 0; }
        }
        """;
    // the host reads its environment (here a stand-in value) and hands in only what is needed
    String hostValue = System.getenv().getOrDefault("CUSTODY_TEST_REGION", "eu-west");
    ConfinedDomain<Greeter> d = ConfinedDomains.load("env",
        InMemoryCompiler.source("env", Map.of("plug.EnvUser", src)), Greeter.class,
        "plug.EnvUser", ConfinementPolicy.defaults().withCapability("REGION", hostValue));
    assertThat(d.entry().greet("bob")).isEqualTo("bob@" + hostValue);
  }
}
