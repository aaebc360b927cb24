package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import eu.lexbridge.backend.soap.service.BackendWebService;
import eu.lexbridge.backend.soap.service.CaseRecordWebService;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.testkit.InMemoryDeadlineAlerts;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.spring.boot.autoconfigure.CxfAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The case-record service is published beside the official one when the application has a case record, with or
 * without a deadline alert store; without a case record only the official service is.
 */
class SoapBackendAutoConfigurationTest {

    // Wiring only: these flows are never called here.
    private final WebApplicationContextRunner withFlows = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CxfAutoConfiguration.class, SoapBackendAutoConfiguration.class))
            .withPropertyValues("lexbridge.soap.backends.court-a.password-sha256="
                    + "34e6c6f076552d3fd8dd392c023cb26ed873e7555f487147f5a87fff166efcdd")
            .withBean(Submission.class, () -> new Submission(null, null, null, null, null, null, null, null, null))
            .withBean(BackendInbox.class, () -> new BackendInbox(null, null, null, null))
            .withBean(MessageStore.class, InMemoryMessageStore::new);

    @Test
    void withoutACaseRecordOnlyTheOfficialServiceIsPublished() {
        withFlows.run(context -> assertThat(context).hasNotFailed().hasSingleBean(BackendWebService.class)
                .doesNotHaveBean(CaseRecordWebService.class).doesNotHaveBean("soapCaseRecordEndpoint"));
    }

    @Test
    void withACaseRecordItsServiceIsPublishedAtItsPath() {
        withFlows.withBean(CaseRecord.class, () -> mock(CaseRecord.class))
                .withBean(InMemoryDeadlineAlerts.class, InMemoryDeadlineAlerts::new)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CaseRecordWebService.class);
                    assertThat(context.getBean("soapCaseRecordEndpoint", EndpointImpl.class).getAddress())
                            .isEqualTo(SoapBackendAutoConfiguration.CASE_RECORD_PATH);
                });
    }

    @Test
    void aMissingAlertStoreDoesNotKeepTheServiceFromStarting() {
        withFlows.withBean(CaseRecord.class, () -> mock(CaseRecord.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CaseRecordWebService.class)
                        .hasBean("soapCaseRecordEndpoint"));
    }
}
