package eu.lexbridge.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The application's class path holds one commons-logging API, Spring's bridge (spring-jcl): with commons-logging's own
 * jar beside it, spring-jcl prints "Standard Commons Logging discovery in action" at every start and every command.
 * The libraries that call commons-logging (PDFBox, Artemis, Hawtio) bring that jar; connector-app's pom excludes it.
 */
class LoggingClassPathTest {

    @Test
    void springJclIsTheOnlyCommonsLoggingApi() throws IOException {
        var copies = Collections.list(getClass().getClassLoader()
                .getResources("org/apache/commons/logging/LogFactory.class"));

        assertThat(copies).as("jars with org.apache.commons.logging.LogFactory").singleElement().asString()
                .contains("spring-jcl");
    }
}
