package eu.lexbridge.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.system.DiskSpaceHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Issue 15 item 4: the disk checks look at the data directory and the payload directory, not at the folder the
 * connector was started in, with Spring Boot's threshold.
 */
class DiskHealthTest {

    @TempDir
    Path data;

    @TempDir
    Path shared;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    DiskHealthAutoConfiguration.class))
            .withPropertyValues("lexbridge.connector.party-id=at-prosecutor",
                    "lexbridge.connector.ebms-id-domain=at.example", "lexbridge.connector.default-backend=cms");

    @Test
    void theDataAndPayloadDirectoriesAreChecked() {
        runner.withPropertyValues("lexbridge.connector.data-directory=" + data,
                "lexbridge.connector.payload-directory=" + shared).run(context -> {
                    Health disk = context.getBean("diskSpaceHealthIndicator", DiskSpaceHealthIndicator.class)
                            .health();
                    Health payloads = context.getBean("payloadDiskHealthIndicator", DiskSpaceHealthIndicator.class)
                            .health();
                    assertThat(disk.getDetails().get("path")).isEqualTo(data.toAbsolutePath().toString());
                    assertThat(payloads.getDetails().get("path")).isEqualTo(shared.toAbsolutePath().toString());
                    assertThat(disk.getDetails().get("threshold")).isEqualTo(10L << 20); // Spring Boot's 10 MB
                    assertThat(disk.getStatus()).isIn(Status.UP, Status.DOWN);
                });
    }

    @Test
    void aDiskWithoutTheRoomAskedIsDown() {
        // room for a million terabytes asked for: no disk has it
        runner.withPropertyValues("lexbridge.connector.data-directory=" + data,
                "management.health.diskspace.threshold=1000000TB").run(context -> assertThat(context
                .getBean("diskSpaceHealthIndicator", DiskSpaceHealthIndicator.class).health().getStatus())
                .isEqualTo(Status.DOWN));
    }

    @Test
    void switchedOffWithSpringBootsOwnKey() {
        runner.withPropertyValues("management.health.diskspace.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("diskSpaceHealthIndicator"));
    }
}
