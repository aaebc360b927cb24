package eu.lexbridge.backend.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.flow.InboundReception;
import eu.lexbridge.core.testkit.InMemoryConnector;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.RecordingMessageBus;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A real embedded server with the real core flows on in-memory ports; each test starts from empty stores. */
@SpringBootTest(classes = TestConnector.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiTestSupport {

    static final String COURT_A = "court-a-token-0123456789";
    static final String COURT_B = "court-b-token-9876543210";
    static final byte[] XML = "<?xml version=\"1.0\"?><EPOForm xmlns=\"urn:test\"><Case>4711</Case></EPOForm>"
            .getBytes(StandardCharsets.UTF_8);
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired InMemoryConnector connector;
    @Autowired InMemoryMessageStore store;
    @Autowired InMemoryPayloadStore payloads;
    @Autowired RecordingMessageBus bus;
    @Autowired InboundReception reception;
    @Autowired BackendDelivery delivery;

    @BeforeEach
    void emptyStores() {
        store.clear();
        payloads.clear();
        bus.clear();
    }

    // ---- requests

    static String metadata(String backendMessageId) {
        return """
                {"backendMessageId":"%s","service":"EPO","action":"Form_A","toPartyId":"DE",
                 "originalSender":"urn:authority:at-prosecutor","finalRecipient":"urn:authority:de-court"}"""
                .formatted(backendMessageId);
    }

    static HttpEntity<String> jsonPart(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }

    static HttpEntity<ByteArrayResource> filePart(String fileName, String mimeType, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mimeType));
        return new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, headers);
    }

    static MultiValueMap<String, Object> form(String metadataJson, byte[] businessContent) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (metadataJson != null) {
            form.add("metadata", jsonPart(metadataJson));
        }
        if (businessContent != null) {
            form.add("businessContent", filePart("form-a.xml", "application/xml", businessContent));
        }
        return form;
    }

    ResponseEntity<String> submit(String token, MultiValueMap<String, Object> form) {
        HttpHeaders headers = bearer(token);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/v1/messages", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    ResponseEntity<String> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), String.class);
    }

    ResponseEntity<byte[]> download(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), byte[].class);
    }

    ResponseEntity<String> post(String token, String path) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(bearer(token)), String.class);
    }

    ResponseEntity<String> postJson(String token, String path, String json) {
        HttpHeaders headers = bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    /** A GET with {@code If-None-Match}. */
    ResponseEntity<String> getIfNoneMatch(String token, String path, String etag) {
        HttpHeaders headers = bearer(token);
        headers.setIfNoneMatch(etag);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return headers;
    }

    static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    // ---- inbound messages, brought in as the routes do

    /** A message from Germany for {@code finalRecipient}, received, accepted and made available to its back-end. */
    UUID receive(String finalRecipient, byte[] businessContent, byte[] businessDocument) {
        return connector.receive(finalRecipient, businessContent, businessDocument);
    }
}
