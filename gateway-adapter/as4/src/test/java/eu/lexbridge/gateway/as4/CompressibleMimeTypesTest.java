package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompressibleMimeTypesTest {

    @ParameterizedTest
    @CsvSource({
        "text/xml, true", "application/xml, true", "application/soap+xml, true", "text/plain; charset=UTF-8, true",
        "Application/JSON, true", "application/pdf, false", "application/vnd.etsi.asic-s+zip, false",
        "application/octet-stream, false", "image/png, false"})
    void gzipsOnlyWhatShrinks(String mimeType, boolean compressible) {
        assertThat(CompressibleMimeTypes.isCompressible(mimeType)).isEqualTo(compressible);
    }
}
