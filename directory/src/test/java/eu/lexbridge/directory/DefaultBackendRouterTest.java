package eu.lexbridge.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultBackendRouterTest {

    @Test
    void everyInboundMessageGoesToTheDefaultBackend() {
        assertThat(new DefaultBackendRouter("case-system").backendFor(null)).isEqualTo("case-system");
    }
}
