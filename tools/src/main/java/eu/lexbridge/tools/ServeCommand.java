package eu.lexbridge.tools;

import eu.lexbridge.app.LexbridgeApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Runs the connector until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the connector. Further arguments go to Spring Boot, e.g. --spring.config.additional-location=...")
public final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    /** Everything after {@code serve} is Spring Boot's: {@code --key=value} settings and the like. */
    @Unmatched
    private List<String> springArgs = new ArrayList<>();

    /** True once the application runs: the JVM must then stay up after main returns. */
    public static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        SpringApplication.run(LexbridgeApplication.class, springArgs.toArray(String[]::new));
        serving = true;
        return 0;
    }
}
