package eu.lexbridge.app.config;

import eu.lexbridge.trust.keys.UnusableKeyFile;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * A key store the connector cannot open, as a start-up report of two sentences: the setting that names the file, the
 * file and what is wrong with it, and what to do. Spring Boot alone prints the exception nested five deep in some 150
 * lines of stack, and never the setting.
 */
public final class KeyFileFailureAnalyzer extends AbstractFailureAnalyzer<UnusableKeyFile> {

    private final Environment environment;

    public KeyFileFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable root, UnusableKeyFile cause) {
        List<String> settings = settingsNaming(cause.file());
        String named = settings.isEmpty() ? "The key file" : String.join(" and ", settings);
        String description = named + " (" + cause.file() + "): " + cause.problem().sentence() + ".";
        String setting = settings.isEmpty() ? "the setting that names it" : settings.get(0);
        String action = switch (cause.problem()) {
            case MISSING -> "Put the file there, or point " + setting + " at it (a relative path counts from the folder "
                    + "the connector was started in).";
            case UNREADABLE -> "Let the user that runs the connector read the file (and only that user: it holds a key).";
            case WRONG_PASSWORD -> "Set the file's password in " + setting + "-password (or in the environment "
                    + "variable that setting takes it from).";
            case NOT_PKCS12 -> "Give a PKCS#12 file (.p12): openssl pkcs12 -export -in cert.pem -inkey key.pem "
                    + "-out keys.p12 makes one from PEM files.";
            case OTHER -> "Check the file with: keytool -list -storetype PKCS12 -keystore " + cause.file();
        };
        return new FailureAnalysis(description, action, cause);
    }

    /** The settings whose value is this file, by their names; none when only code named it. */
    private List<String> settingsNaming(Path file) {
        Path wanted = normalized(file.toString());
        TreeSet<String> names = new TreeSet<>();
        if (environment instanceof ConfigurableEnvironment configurable && wanted != null) {
            configurable.getPropertySources().stream().filter(EnumerablePropertySource.class::isInstance)
                    .flatMap(source -> List.of(((EnumerablePropertySource<?>) source).getPropertyNames()).stream())
                    .filter(name -> wanted.equals(normalized(valueOf(configurable, name))))
                    .forEach(names::add);
        }
        return List.copyOf(names);
    }

    private static String valueOf(ConfigurableEnvironment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException e) {
            return null; // a placeholder that does not resolve: not a path either
        }
    }

    private static Path normalized(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value.startsWith("file:") ? value.substring("file:".length()) : value).toAbsolutePath()
                    .normalize();
        } catch (IllegalArgumentException e) { // InvalidPathException among them
            return null; // not a path: not the setting looked for
        }
    }
}
