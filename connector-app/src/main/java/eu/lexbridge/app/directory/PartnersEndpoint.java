package eu.lexbridge.app.directory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.directory.partner.PartnerDocument;
import eu.lexbridge.directory.partner.PartnerRefusedException;
import eu.lexbridge.directory.partner.SharedPartners;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * The partners on the management port ({@code /actuator/partners}, operators only), changed without a restart: GET
 * lists them with their certificates' subjects and expiry; POST adds a partner or replaces the one of its name (a new
 * endpoint, a renewed certificate), certificates in PEM, optionally the service/action pairs it takes; DELETE {@code /actuator/partners/<name>} retires one. A
 * change is checked with the whole set before it applies (names and party ids unique, https endpoints, certificates
 * valid now); one that does not validate is answered 400 with code {@code LB-1401} and a sentence naming the element,
 * and the partners in force stay. Every change is logged with who made it, and kept for a restart and the replicas.
 */
@Endpoint(id = "partners")
public class PartnersEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PartnersEndpoint.class);
    private static final String DEFAULT_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";
    private static final String DEFAULT_ROLE = "GW";

    private final SharedPartners partners;
    private final Clock clock;
    private final GatewayLink gateway;

    public PartnersEndpoint(SharedPartners partners, Clock clock) {
        this(partners, clock, null);
    }

    /**
     * @param gateway the access point, asked whether it can exchange with a partner before the partner is taken
     *     ({@link GatewayLink#unfit}); {@code null}: not asked
     */
    public PartnersEndpoint(SharedPartners partners, Clock clock, @Nullable GatewayLink gateway) {
        this.gateway = gateway;
        this.partners = partners;
        this.clock = clock;
    }

    @ReadOperation
    public Map<String, Object> list() {
        List<Map<String, Object>> list = partners.all().stream().map(this::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", list.size());
        body.put("partners", list);
        return body;
    }

    /**
     * Adds the partner, or replaces the partner of that name.
     *
     * @param services the service/action pairs its access point takes, one a line: {@code <service> <action>}
     *     (the service's value as messages carry it); absent, every pair this connector is configured for
     * @param as4Profile the eDelivery AS4 profile it speaks: {@code 1.x} (absent), {@code 2.0} or {@code 2.0-ecdsa}
     * @param encryptionCertificate for 2.0: its encryption (key agreement) certificate in PEM; {@code certificate}
     *     is then its signing certificate
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> put(String name, String partyId, @Nullable String partyIdType,
                                                        @Nullable String role, String endpoint, String certificate,
                                                        @Nullable String sealCertificate,
                                                        @Nullable String containerSealCertificate,
                                                        @Nullable String services,
                                                        @Nullable String as4Profile,
                                                        @Nullable String encryptionCertificate,
                                                        SecurityContext caller) {
        String who = principal(caller);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name);
        node.put("partyId", partyId);
        node.put("partyIdType", partyIdType == null ? DEFAULT_TYPE : partyIdType);
        node.put("role", role == null ? DEFAULT_ROLE : role);
        node.put("endpoint", endpoint);
        node.put("certificate", certificate);
        if (sealCertificate != null) {
            node.put("sealCertificate", sealCertificate);
        }
        if (containerSealCertificate != null) {
            node.put("containerSealCertificate", containerSealCertificate);
        }
        if (as4Profile != null) {
            node.put("as4Profile", as4Profile);
        }
        if (encryptionCertificate != null) {
            node.put("encryptionCertificate", encryptionCertificate);
        }
        try {
            if (services != null) {
                var list = node.putArray("services");
                for (String line : services.split("\n")) {
                    String[] pair = line.strip().split(" +");
                    if (pair.length == 1 && pair[0].isEmpty()) {
                        continue;
                    }
                    if (pair.length != 2) {
                        throw new PartnerRefusedException("partner.services: each line is '<service> <action>'");
                    }
                    list.addObject().put("service", pair[0]).put("action", pair[1]);
                }
            }
            Partner partner = PartnerDocument.partner(node, "partner");
            if (gateway != null) {
                var unfit = gateway.unfit(partner);
                if (unfit.isPresent()) {
                    throw new PartnerRefusedException(unfit.get());
                }
            }
            SharedPartners.Change change = partners.put(partner, who);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("change", change.name());
            body.put("partner", view(partner));
            return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
        } catch (PartnerRefusedException e) {
            return refused(who, e);
        }
    }

    /** Adds an eDelivery AS4 1.x partner, or replaces the partner of that name with one. */
    public WebEndpointResponse<Map<String, Object>> put(String name, String partyId, @Nullable String partyIdType,
                                                        @Nullable String role, String endpoint, String certificate,
                                                        @Nullable String sealCertificate,
                                                        @Nullable String containerSealCertificate,
                                                        @Nullable String services, SecurityContext caller) {
        return put(name, partyId, partyIdType, role, endpoint, certificate, sealCertificate, containerSealCertificate,
                services, null, null, caller);
    }

    /** Retires the partner {@code name}. */
    @DeleteOperation
    public WebEndpointResponse<Map<String, Object>> retire(@Selector String name, SecurityContext caller) {
        String who = principal(caller);
        try {
            Partner retired = partners.retire(name, who);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("change", "RETIRED");
            body.put("partner", view(retired));
            return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
        } catch (PartnerRefusedException e) {
            return refused(who, e);
        }
    }

    private WebEndpointResponse<Map<String, Object>> refused(String who, PartnerRefusedException e) {
        LOG.warn("a partner change by {} is refused, the partners in force are kept: {}", LogSafe.of(who),
                LogSafe.of(e.getMessage()));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", ErrorCode.PARTNER_INVALID.title());
        problem.put("status", WebEndpointResponse.STATUS_BAD_REQUEST);
        problem.put("code", ErrorCode.PARTNER_INVALID.code());
        problem.put("detail", e.getMessage());
        return new WebEndpointResponse<>(problem, WebEndpointResponse.STATUS_BAD_REQUEST);
    }

    private Map<String, Object> view(Partner partner) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", partner.name());
        view.put("partyId", partner.party().partyId());
        view.put("partyIdType", partner.party().partyIdType());
        view.put("role", partner.party().role());
        view.put("endpoint", partner.endpoint().toString());
        view.put("certificate", certificate(partner.certificate()));
        view.put("as4Profile", partner.as4Profile().label());
        if (partner.as4Profile().separateEncryptionKey()) {
            view.put("encryptionCertificate", certificate(partner.encryptionCertificate()));
        }
        if (partner.sealCertificate() != null) {
            view.put("sealCertificate", certificate(partner.sealCertificate()));
        }
        if (partner.containerSealCertificate() != null) {
            view.put("containerSealCertificate", certificate(partner.containerSealCertificate()));
        }
        view.put("services", partner.services().isEmpty() ? "every configured service" : partner.services().stream()
                .map(pair -> Map.of("service", pair.service(), "action", pair.action())).toList());
        return view;
    }

    private Map<String, Object> certificate(X509Certificate certificate) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("subject", certificate.getSubjectX500Principal().getName());
        view.put("issuer", certificate.getIssuerX500Principal().getName());
        view.put("serialNumber", certificate.getSerialNumber().toString(16));
        view.put("notAfter", certificate.getNotAfter().toInstant().toString());
        view.put("daysLeft", Duration.between(clock.instant(), certificate.getNotAfter().toInstant()).toDays());
        return view;
    }

    private static String principal(SecurityContext caller) {
        return caller.getPrincipal() == null ? "?" : caller.getPrincipal().getName();
    }
}
