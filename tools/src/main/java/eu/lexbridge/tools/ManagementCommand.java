package eu.lexbridge.tools;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lexbridge management hash-password}: the hash of a management login, for the configuration. */
@Command(name = "management", mixinStandardHelpOptions = true, description = "Management-port logins.",
        subcommands = ManagementCommand.HashPassword.class)
public final class ManagementCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Reads the password from the console without echo, or from the first line of standard input when there is no
     * console (a pipe), never from an argument: arguments end up in shell histories and process lists.
     */
    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = {"Read a password (console without echo, or the first line of standard input) and print"
                    + " its bcrypt hash for lexbridge.management.users[].password-hash.",
                    "Exit codes: 0 hash printed, 2 no usable password."})
    static final class HashPassword implements Callable<Integer> {

        static final int MINIMUM_LENGTH = 12;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            char[] password = read();
            try {
                if (password == null || password.length < MINIMUM_LENGTH) {
                    spec.commandLine().getErr().println("A management password needs at least " + MINIMUM_LENGTH
                            + " characters.");
                    return 2;
                }
                // DelegatingPasswordEncoder writes {bcrypt}…, the format lexbridge.management.users[] reads
                spec.commandLine().getOut().println(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                        .encode(java.nio.CharBuffer.wrap(password)));
                return 0;
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }

        private char[] read() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password: ");
                char[] again = console.readPassword("Password again: ");
                boolean same = first != null && Arrays.equals(first, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    spec.commandLine().getErr().println("The two passwords differ.");
                    return null;
                }
                return first;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        }
    }
}
