package eu.lexbridge.directory.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.core.transport.Partner;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Partners as a JSON document with their certificates in PEM: how a partner set is kept (one version per change), and
 * how one partner is given to the operations API. A partner speaking eDelivery AS4 2.0 has {@code as4Profile}
 * ({@code 2.0} or {@code 2.0-ecdsa}) and its {@code encryptionCertificate} besides its signing {@code certificate};
 * without them a partner speaks 1.x. Every value is checked, and a value that does not hold is named by
 * its place.
 */
public final class PartnerDocument {

    /** A partner's name: what logs, metrics and the operations API call it. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern TOKEN = Pattern.compile("[\\p{Graph}]{1,255}");
    private static final int MAX_PEM = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PartnerDocument() {
    }

    /** The set as the store keeps it: {@code {"partners":[…]}}. */
    public static String write(List<Partner> partners) {
        ObjectNode document = JSON.createObjectNode();
        ArrayNode list = document.putArray("partners");
        partners.forEach(partner -> list.add(node(partner)));
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a partner set cannot be written", e);
        }
    }

    /**
     * @throws PartnerRefusedException naming the first value that does not hold
     */
    public static List<Partner> read(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new PartnerRefusedException("the partner set is not JSON");
        }
        JsonNode list = root == null ? null : root.get("partners");
        if (list == null || !list.isArray()) {
            throw new PartnerRefusedException("partners is not an array");
        }
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            partners.add(partner(list.get(i), "partners[" + i + "]"));
        }
        return partners;
    }

    /** One partner from its JSON object ({@code name}, {@code partyId}, …, certificates in PEM). */
    public static Partner partner(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw refused(path, "is not an object");
        }
        Set<String> known = Set.of("name", "partyId", "partyIdType", "role", "endpoint", "certificate",
                "sealCertificate", "containerSealCertificate", "services", "as4Profile", "encryptionCertificate");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw refused(path + "." + field, "is not a member of a partner");
            }
        }
        String name = text(node, path, "name", true);
        if (!NAME.matcher(name).matches()) {
            throw refused(path + ".name", "must be 1 to 63 small letters, digits, '.', '_' or '-'");
        }
        String endpointText = text(node, path, "endpoint", true);
        URI endpoint;
        try {
            endpoint = new URI(endpointText);
        } catch (URISyntaxException e) {
            throw refused(path + ".endpoint", "is not a URI");
        }
        String profileLabel = text(node, path, "as4Profile", false);
        As4Profile profile = profileLabel == null ? As4Profile.EDELIVERY_1 : As4Profile.ofLabel(profileLabel)
                .orElseThrow(() -> refused(path + ".as4Profile", "must be 1.x, 2.0 or 2.0-ecdsa"));
        X509Certificate encryption = certificate(node, path, "encryptionCertificate", false);
        if (profile.separateEncryptionKey() && encryption == null) {
            throw refused(path + ".encryptionCertificate", "is required for as4Profile " + profile.label()
                    + " (a 2.0 partner decrypts with a key of its own)");
        }
        if (!profile.separateEncryptionKey() && encryption != null) {
            throw refused(path + ".encryptionCertificate", "is for as4Profile 2.0 or 2.0-ecdsa only (a 1.x partner"
                    + " decrypts with its certificate)");
        }
        return new Partner(name, new Party(text(node, path, "partyId", true), text(node, path, "partyIdType", true),
                text(node, path, "role", true)), endpoint, certificate(node, path, "certificate", true),
                certificate(node, path, "sealCertificate", false),
                certificate(node, path, "containerSealCertificate", false), services(node.get("services"),
                        path + ".services"), profile, encryption);
    }

    /** The service/action pairs a partner takes: {@code [{"service": …, "action": …}]}; absent, every pair. */
    private static Set<Partner.ServiceAction> services(JsonNode node, String path) {
        Set<Partner.ServiceAction> services = new java.util.LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return services;
        }
        if (!node.isArray() || node.size() > 1000) {
            throw refused(path, "is not an array of at most 1000 service/action pairs");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode pair = node.get(i);
            String at = path + "[" + i + "]";
            if (pair == null || !pair.isObject() || pair.size() != 2) {
                throw refused(at, "is not an object of a service and an action");
            }
            services.add(new Partner.ServiceAction(text(pair, at, "service", true), text(pair, at, "action", true)));
        }
        return services;
    }

    /**
     * Checks a whole set: names and party ids unique, endpoints https (http only when allowed, for tests), each
     * certificate valid at {@code now}.
     *
     * @throws PartnerRefusedException naming the partner and what is wrong
     */
    public static void check(List<Partner> partners, Instant now, boolean allowPlainHttp) {
        Set<String> names = new HashSet<>();
        Set<String> parties = new HashSet<>();
        for (Partner partner : partners) {
            String at = "partner '" + partner.name() + "'";
            if (!names.add(partner.name())) {
                throw new PartnerRefusedException(at + " is given twice");
            }
            if (!parties.add(partner.party().partyId())) {
                throw new PartnerRefusedException(at + ": party id '" + partner.party().partyId()
                        + "' is another partner's; messages from it could not be told apart");
            }
            String scheme = partner.endpoint().getScheme();
            boolean https = "https".equalsIgnoreCase(scheme);
            boolean allowed = https || (allowPlainHttp && "http".equalsIgnoreCase(scheme));
            if (!allowed || partner.endpoint().getHost() == null) {
                throw new PartnerRefusedException(at + ": endpoint '" + partner.endpoint()
                        + "' is not an https URL (eDelivery AS4 requires TLS)");
            }
            valid(at + ": certificate", partner.certificate(), now);
            if (partner.sealCertificate() != null) {
                valid(at + ": seal certificate", partner.sealCertificate(), now);
            }
            if (partner.containerSealCertificate() != null) {
                valid(at + ": container-seal certificate", partner.containerSealCertificate(), now);
            }
            if (partner.as4Profile().separateEncryptionKey()) {
                valid(at + ": encryption certificate", partner.encryptionCertificate(), now);
            }
        }
    }

    /** One partner as the operations API shows and takes it. */
    public static ObjectNode node(Partner partner) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", partner.name());
        node.put("partyId", partner.party().partyId());
        node.put("partyIdType", partner.party().partyIdType());
        node.put("role", partner.party().role());
        node.put("endpoint", partner.endpoint().toString());
        node.put("certificate", pem(partner.certificate()));
        if (partner.sealCertificate() != null) {
            node.put("sealCertificate", pem(partner.sealCertificate()));
        }
        if (partner.containerSealCertificate() != null) {
            node.put("containerSealCertificate", pem(partner.containerSealCertificate()));
        }
        // Only a 2.0 partner carries these: a 1.x partner's document is what it was before 2.0 was known.
        if (partner.as4Profile().separateEncryptionKey()) {
            node.put("as4Profile", partner.as4Profile().label());
            node.put("encryptionCertificate", pem(partner.encryptionCertificate()));
        }
        if (!partner.services().isEmpty()) {
            ArrayNode services = node.putArray("services");
            partner.services().stream().sorted(java.util.Comparator.comparing(Partner.ServiceAction::service)
                    .thenComparing(Partner.ServiceAction::action))
                    .forEach(pair -> services.addObject().put("service", pair.service()).put("action", pair.action()));
        }
        return node;
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate cannot be encoded", e);
        }
    }

    /** A certificate from PEM (or bare base64 DER). */
    public static X509Certificate certificate(String pem, String field) {
        if (pem.length() > MAX_PEM) {
            throw new PartnerRefusedException(field + " is longer than " + MAX_PEM + " characters");
        }
        String base64 = pem.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new PartnerRefusedException(field + " is not an X.509 certificate in PEM");
        }
    }

    private static void valid(String what, X509Certificate certificate, Instant now) {
        Date at = Date.from(now);
        if (at.before(certificate.getNotBefore())) {
            throw new PartnerRefusedException(what + " is not valid before " + certificate.getNotBefore()
                    .toInstant());
        }
        if (at.after(certificate.getNotAfter())) {
            throw new PartnerRefusedException(what + " expired on " + certificate.getNotAfter().toInstant());
        }
    }

    private static X509Certificate certificate(JsonNode node, String path, String field, boolean required) {
        String pem = text(node, path, field, required, MAX_PEM);
        return pem == null ? null : certificate(pem, path + "." + field);
    }

    private static String text(JsonNode node, String path, String field, boolean required) {
        String value = text(node, path, field, required, 255);
        if (value != null && !field.equals("endpoint") && !TOKEN.matcher(value).matches()) {
            throw refused(path + "." + field, "must be 1 to 255 printable characters without spaces");
        }
        return value;
    }

    private static String text(JsonNode node, String path, String field, boolean required, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw refused(path + "." + field, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            throw refused(path + "." + field, "must be text of 1 to " + max + " characters");
        }
        return value.asText();
    }

    private static PartnerRefusedException refused(String path, String problem) {
        return new PartnerRefusedException(path + " " + problem);
    }
}
