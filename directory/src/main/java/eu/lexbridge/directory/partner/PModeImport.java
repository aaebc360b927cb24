package eu.lexbridge.directory.partner;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.xml.SecureStax;
import eu.lexbridge.directory.BoundedInput;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The partners of a Domibus PMode set (the {@code db:configuration} file an access point operator already has): each
 * party but our own becomes a partner, with its endpoint ({@code party/@endPoint}), its party id and type
 * ({@code identifier/@partyId}, {@code @partyIdType} resolved through {@code partyIdTypes}), the role it plays as a
 * responder in the processes ({@code responderRole}, resolved through {@code roles}), the service/action pairs of those
 * processes' legs ({@code legConfiguration}, resolved through {@code services} and {@code actions}: what its access
 * point takes), and its certificate from the
 * access point's truststore under the party's name, as Domibus keeps it. Every party is checked before any is
 * returned; one that does not validate is named with its line.
 *
 * <p>Read closed to XML attacks: no DTD, no external entity, a bounded document.
 */
public final class PModeImport {

    public static final String NAMESPACE = "http://domibus.eu/configuration";
    private static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final String DEFAULT_ROLE = "GW";

    private PModeImport() {
    }

    /** A party as the PMode has it, before its certificate is found. */
    private record PModeParty(String name, String endpoint, String partyId, String partyIdType, int line) {
    }

    /**
     * @param certificates the truststore's certificate under an alias, or {@code null} when it has none
     * @param allowPlainHttp FOR TESTS ONLY: http endpoints are taken
     * @throws PartnerRefusedException naming the party (or element) and its line: nothing is imported
     */
    public static List<Partner> read(InputStream pmode, Function<String, X509Certificate> certificates, Instant now,
                                     boolean allowPlainHttp) {
        String ourParty = null;
        Map<String, String> roles = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        List<PModeParty> parties = new ArrayList<>();
        Map<String, String> responderRoles = new HashMap<>();
        Map<String, String> services = new HashMap<>();
        Map<String, String> actions = new HashMap<>();
        Map<String, String[]> legConfigurations = new HashMap<>();
        Map<String, java.util.Set<String>> legsByResponder = new HashMap<>();
        try {
            XMLStreamReader xml = SecureStax.reader(new BoundedInput(pmode, MAX_BYTES,
                    () -> new PartnerRefusedException("the PMode set is larger than " + MAX_BYTES + " bytes")));
            PModeParty current = null;
            String processResponderRole = null;
            List<String> processResponders = new ArrayList<>();
            List<String> processLegs = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("party") && current != null) {
                        parties.add(current);
                        current = null;
                    } else if (name.equals("process")) {
                        for (String responder : processResponders) {
                            if (processResponderRole != null) {
                                responderRoles.putIfAbsent(responder, processResponderRole);
                            }
                            legsByResponder.computeIfAbsent(responder, r -> new java.util.LinkedHashSet<>())
                                    .addAll(processLegs);
                        }
                        processResponders.clear();
                        processLegs.clear();
                        processResponderRole = null;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                int line = xml.getLocation().getLineNumber();
                switch (xml.getLocalName()) {
                    case "configuration" -> {
                        if (!NAMESPACE.equals(xml.getNamespaceURI())) {
                            throw new PartnerRefusedException("the document is not a Domibus PMode set ("
                                    + NAMESPACE + " configuration)");
                        }
                        ourParty = attribute(xml, "party", line);
                    }
                    case "role" -> roles.put(attribute(xml, "name", line), attribute(xml, "value", line));
                    case "partyIdType" -> types.put(attribute(xml, "name", line), attribute(xml, "value", line));
                    case "party" -> {
                        if (xml.getAttributeValue(null, "endPoint") != null) {
                            current = new PModeParty(attribute(xml, "name", line), attribute(xml, "endPoint", line),
                                    null, null, line);
                        }
                    }
                    case "identifier" -> {
                        if (current != null && current.partyId() == null) {
                            current = new PModeParty(current.name(), current.endpoint(),
                                    attribute(xml, "partyId", line), attribute(xml, "partyIdType", line),
                                    current.line());
                        }
                    }
                    case "responderRole" -> processResponderRole = attribute(xml, "name", line);
                    case "responderParty" -> processResponders.add(attribute(xml, "name", line));
                    case "service" -> services.put(attribute(xml, "name", line), attribute(xml, "value", line));
                    case "action" -> actions.put(attribute(xml, "name", line), attribute(xml, "value", line));
                    case "legConfiguration" -> legConfigurations.put(attribute(xml, "name", line), new String[] {
                        attribute(xml, "service", line), attribute(xml, "action", line), String.valueOf(line)});
                    case "leg" -> processLegs.add(attribute(xml, "name", line));
                    default -> {
                        // mpcs, legs, security, services, actions…: the access point's, not the partners'
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new PartnerRefusedException("the PMode set is not well-formed XML"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()));
        }
        if (ourParty == null) {
            throw new PartnerRefusedException("the document is not a Domibus PMode set (" + NAMESPACE
                    + " configuration)");
        }
        Map<String, Partner> partners = new LinkedHashMap<>();
        for (PModeParty party : parties) {
            if (party.name().equals(ourParty)) {
                continue;
            }
            String at = "party '" + party.name() + "' (line " + party.line() + ")";
            if (party.partyId() == null) {
                throw new PartnerRefusedException(at + " has no identifier");
            }
            String type = types.get(party.partyIdType());
            if (type == null) {
                throw new PartnerRefusedException(at + ": partyIdType '" + party.partyIdType()
                        + "' is not one of the partyIdTypes");
            }
            String roleName = responderRoles.get(party.name());
            String role = roleName == null ? DEFAULT_ROLE : roles.get(roleName);
            if (role == null) {
                throw new PartnerRefusedException(at + ": responderRole '" + roleName + "' is not one of the roles");
            }
            URI endpoint;
            try {
                endpoint = new URI(party.endpoint());
            } catch (URISyntaxException e) {
                throw new PartnerRefusedException(at + ": endPoint '" + party.endpoint() + "' is not a URI");
            }
            java.util.Set<Partner.ServiceAction> taken = new java.util.LinkedHashSet<>();
            for (String leg : legsByResponder.getOrDefault(party.name(), java.util.Set.of())) {
                String[] configuration = legConfigurations.get(leg);
                if (configuration == null) {
                    throw new PartnerRefusedException(at + ": leg '" + leg + "' is not one of the legConfigurations");
                }
                String service = services.get(configuration[0]);
                String action = actions.get(configuration[1]);
                if (service == null || action == null) {
                    throw new PartnerRefusedException("legConfiguration '" + leg + "' (line " + configuration[2]
                            + "): " + (service == null ? "service '" + configuration[0] + "' is not one of the services"
                            : "action '" + configuration[1] + "' is not one of the actions"));
                }
                taken.add(new Partner.ServiceAction(service, action));
            }
            X509Certificate certificate = certificates.apply(party.name());
            if (certificate == null) {
                throw new PartnerRefusedException(at + ": the truststore has no certificate under alias '"
                        + party.name() + "'");
            }
            String name = party.name().toLowerCase(Locale.ROOT);
            Partner partner = new Partner(name, new Party(party.partyId(), type, role), endpoint, certificate, null,
                    null, taken);
            try {
                PartnerDocument.check(List.of(partner), now, allowPlainHttp);
            } catch (PartnerRefusedException e) {
                throw new PartnerRefusedException(at + ": " + e.getMessage().replaceFirst("^partner '[^']*': ", ""));
            }
            if (partners.put(name, partner) != null) {
                throw new PartnerRefusedException(at + " is given twice");
            }
        }
        PartnerDocument.check(List.copyOf(partners.values()), now, allowPlainHttp);
        return List.copyOf(partners.values());
    }

    private static String attribute(XMLStreamReader xml, String name, int line) {
        String value = xml.getAttributeValue(null, name);
        if (value == null || value.isBlank()) {
            throw new PartnerRefusedException(xml.getLocalName() + " at line " + line + " has no " + name);
        }
        return value.strip();
    }
}
