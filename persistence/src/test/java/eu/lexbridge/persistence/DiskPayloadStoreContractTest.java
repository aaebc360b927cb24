package eu.lexbridge.persistence;

import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.testkit.PayloadStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The payload-store contract on the disk store, in a fresh folder for each test. */
class DiskPayloadStoreContractTest extends PayloadStoreContract {

    @TempDir
    Path dir;

    @Override
    protected PayloadStore store() {
        return new DiskPayloadStore(dir);
    }

    /** Every regular file below the folder: payloads, and any partial or temporary file a refusal left. */
    @Override
    protected long payloadsHeld() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
