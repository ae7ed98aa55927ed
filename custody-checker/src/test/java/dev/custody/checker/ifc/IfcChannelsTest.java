package dev.custody.checker.ifc;

import dev.custody.checker.testing.CheckerHarness;
import org.junit.jupiter.api.Test;

/** Default public channels, including SLF4J's Logger recognised by name (a stand-in is compiled). */
class IfcChannelsTest {
  @Test
  void standard_outputs_loggers_streams_and_sockets_are_public_channels() {
    CheckerHarness.create()
        .addResource("ifc/Channels.java")
        .addResource("ifc/slf4j/Logger.java")
        .addResource("ifc/slf4j/LoggerFactory.java")
        .expectMarkedDiagnostics();
  }
}
