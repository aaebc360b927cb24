package eu.lexbridge.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.testkit.SampleMessages;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartnerTest {

    private static final Partner GERMANY = SampleMessages.germany();

    @Test
    void aPartnerSpeaksEDelivery1UnlessToldAndIsEncryptedForWithItsOneCertificate() {
        assertThat(GERMANY.as4Profile()).isEqualTo(As4Profile.EDELIVERY_1);
        assertThat(GERMANY.encryptionCertificate()).isSameAs(GERMANY.certificate());
    }

    @Test
    void aPartnerOf2_0KeepsEverythingElseAndItsOwnEncryptionCertificate() {
        Partner restricted = new Partner("de", GERMANY.party(), GERMANY.endpoint(), GERMANY.certificate(), null, null,
                Set.of(new Partner.ServiceAction("EPO", "Form_A")));
        Partner modern = restricted.withAs4Profile(As4Profile.EDELIVERY_2_EDDSA, GERMANY.certificate());

        assertThat(modern.as4Profile()).isEqualTo(As4Profile.EDELIVERY_2_EDDSA);
        assertThat(modern.services()).isEqualTo(restricted.services());
        assertThat(modern.withAs4Profile(As4Profile.EDELIVERY_1, null)).isEqualTo(restricted);
    }

    @Test
    void a2_0PartnerWithoutAnEncryptionCertificateIsRefusedWithOneSentence() {
        assertThatThrownBy(() -> GERMANY.withAs4Profile(As4Profile.EDELIVERY_2_ECDSA, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partner de-connector: eDelivery AS4 2.0-ecdsa needs the partner's encryption certificate"
                        + " besides its signing certificate");
    }

    @Test
    void profilesAreNamedAsConfigurationNamesThem() {
        assertThat(As4Profile.ofLabel("1.x")).contains(As4Profile.EDELIVERY_1);
        assertThat(As4Profile.ofLabel("2.0")).contains(As4Profile.EDELIVERY_2_EDDSA);
        assertThat(As4Profile.ofLabel("2.0-ecdsa")).contains(As4Profile.EDELIVERY_2_ECDSA);
        assertThat(As4Profile.ofLabel("2")).isEmpty();
    }
}
