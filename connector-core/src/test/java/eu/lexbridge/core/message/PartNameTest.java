package eu.lexbridge.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"order.pdf", "annex 1 (signed).pdf", "Beschluss-Überstellung.pdf", "a.b.c", "..pdf",
            "name-of-255-bytes"})
    void plainFileNamesAreUsable(String name) {
        String value = name.equals("name-of-255-bytes") ? "n".repeat(251) + ".pdf" : name;
        assertThat(PartName.problem(value)).isNull();
        assertThat(new PartName(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "foo/..", "a/b.pdf", "a\\b.pdf", "a:b.pdf", "C:evil.pdf", "a\rb.pdf",
            "a\nb.pdf", "a\u0000b", "a\u2028b", "annex\u202Efdp.exe", "x\u2066y"})
    void namesTheContainerWouldRefuseAreNamed(String name) {
        assertThat(PartName.problem(name)).isNotBlank();
        assertThatThrownBy(() -> new PartName(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLimitIsInUtf8Bytes() {
        assertThat(PartName.problem("n".repeat(255))).isNull();
        assertThat(PartName.problem("n".repeat(256))).contains("255 bytes");
        assertThat(PartName.problem("é".repeat(127))).isNull();
        assertThat(PartName.problem("é".repeat(128))).contains("255 bytes");
    }

    @Test
    void namesClashIgnoringCaseAndTheTokenNameIsReserved() {
        assertThat(new PartName("Annex.PDF").clashesWith(new PartName("annex.pdf"))).isTrue();
        assertThat(new PartName("annex-1.pdf").clashesWith(new PartName("annex-2.pdf"))).isFalse();
        assertThat(new PartName("trustoktoken.pdf").isReserved()).isTrue();
        assertThat(new PartName("TrustOkToken.pdf.bak").isReserved()).isFalse();
    }
}
