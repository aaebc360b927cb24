package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;

/** What evidence and container verification read alike from a DSS validation. */
public final class DssVerdicts {

    private DssVerdicts() {
    }

    /** DSS's default policy, parsed once: it is the slow part of a first validation. */
    public static ValidationPolicy defaultPolicy() {
        return DefaultPolicy.INSTANCE;
    }

    /** DSS's verdict for one signature, e.g. {@code INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND}, or {@code null}. */
    public static String indication(Reports reports, String signatureId) {
        var simple = reports.getSimpleReport();
        var indication = simple.getIndication(signatureId);
        var subIndication = simple.getSubIndication(signatureId);
        return indication == null ? null : indication + (subIndication == null ? "" : "/" + subIndication);
    }

    /** A signature reference as people read it: its type and its id or URI. */
    public static String referenceName(XmlDigestMatcher reference) {
        String id = reference.getId() != null ? reference.getId() : reference.getUri();
        return reference.getType() + (id == null ? "" : " '" + id + "'");
    }

    private static final class DefaultPolicy {
        static final ValidationPolicy INSTANCE = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
    }
}
