package eu.lexbridge.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventReasonTest {

    @Test
    void keepsALeadingRejectionCode() {
        assertThat(EventReason.parse("E301 RELAY_REMMD_TIMEOUT: no relay evidence within 12h"))
                .isEqualTo(new EventReason("E301", "RELAY_REMMD_TIMEOUT: no relay evidence within 12h"));
        assertThat(EventReason.parse("E404: partner unreachable"))
                .isEqualTo(new EventReason("E404", "partner unreachable"));
        assertThat(EventReason.parse("E200")).isEqualTo(new EventReason("E200", null));
    }

    @Test
    void usesTheUnspecificCodeOtherwise() {
        assertThat(EventReason.parse("Container signature invalid"))
                .isEqualTo(new EventReason("E100", "Container signature invalid"));
        assertThat(EventReason.parse("E3010 looks like a code but is not"))
                .isEqualTo(new EventReason("E100", "E3010 looks like a code but is not"));
        assertThat(EventReason.parse(null)).isEqualTo(new EventReason("E100", null));
        assertThat(EventReason.parse("  ")).isEqualTo(new EventReason("E100", null));
    }
}
