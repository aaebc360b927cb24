package eu.lexbridge.app.config;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Objects;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A database the connector cannot use at start-up, as a start-up report that names the settings and says what to do:
 * nobody answers at the address, the user or password is refused, the database does not exist. Spring Boot alone
 * prints some 130 lines ending on the driver's exception, five causes deep.
 *
 * <p>A database of a newer LexBridge is not refused: Flyway leaves migrations it does not know alone (and says so), so
 * that replicas of the version before keep working during a rolling upgrade.
 */
public final class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private static final String URL = "spring.datasource.url";
    private static final String USER = "spring.datasource.username";
    private static final String PASSWORD = "spring.datasource.password";

    private final Environment environment;

    public DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable root, SQLException cause) {
        String state = Objects.requireNonNullElse(cause.getSQLState(), "");
        String at = URL + " (" + url() + ")";
        if (findCause(cause, UnknownHostException.class) != null) {
            return new FailureAnalysis(at + ": its host name is not known.",
                    "Correct the host in " + URL + ".", cause);
        }
        if (findCause(cause, ConnectException.class) != null) {
            return new FailureAnalysis(at + ": no database answers there.",
                    "Start the database, or point " + URL + " at it (host and port).", cause);
        }
        if (state.startsWith("28")) { // invalid authorization specification: PostgreSQL's 28P01 and 28000
            return new FailureAnalysis("The database at " + at + " refused the user "
                    + environment.getProperty(USER, "(none)") + " (" + USER + "): the user name or the password is "
                    + "wrong.", "Set " + PASSWORD + " (or SPRING_DATASOURCE_PASSWORD) to that user's password, or "
                    + "give the database user that password.", cause);
        }
        if ("3D000".equals(state)) { // invalid catalog name
            return new FailureAnalysis("The database named in " + at + " does not exist.",
                    "Create it (createdb -O <user> <name>), or correct the name in " + URL + ".", cause);
        }
        if (state.startsWith("08")) { // any other connection exception
            return new FailureAnalysis(at + ": the connection failed (SQL state " + state + ").",
                    "Check that the database accepts connections from this host (pg_hba.conf, TLS settings in "
                            + URL + ").", cause);
        }
        return null; // a failure of a statement, not of the set-up: Spring Boot's own report
    }

    /** The URL as configured, without a password it may carry as a parameter. */
    private String url() {
        return environment.getProperty(URL, "(not set)").replaceAll("(?i)(password=)[^&;]*", "$1…");
    }
}
