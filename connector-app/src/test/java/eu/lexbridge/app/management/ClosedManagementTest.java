package eu.lexbridge.app.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.port.SecurityEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** With no user and no identity provider nobody can log in, and start-up says how to add an operator. */
@ExtendWith(OutputCaptureExtension.class)
class ClosedManagementTest {

    /** Not a {@code @Configuration}: the application's component scan would take it into other tests' connectors. */
    @EnableConfigurationProperties(ManagementServerProperties.class)
    static class ManagementServer {
    }

    @Test
    void noOperatorConfiguredMeansNoLoginAndOneWarning(CapturedOutput output) {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                        SecurityAutoConfiguration.class))
                .withUserConfiguration(ManagementServer.class, ManagementSecurityAutoConfiguration.class)
                .withBean(SecurityEvents.class, SecurityEvents::logOnly)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThatThrownBy(() -> context.getBean(UserDetailsService.class).loadUserByUsername("admin"))
                            .isInstanceOf(UsernameNotFoundException.class);
                });
        assertThat(output).containsOnlyOnce("The management port accepts no login")
                .contains("lexbridge.management.users").contains("lexbridge management hash-password");
    }
}
