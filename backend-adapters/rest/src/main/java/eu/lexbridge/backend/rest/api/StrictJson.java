package eu.lexbridge.backend.rest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/**
 * Reads a small JSON document the API takes (a submission's metadata, a transmission record) into its type: bounded,
 * strict on unknown members (a misspelt optional field would otherwise vanish silently), every failure naming the
 * field and never echoing the input.
 */
final class StrictJson<T> {

    private final ObjectReader reader;
    private final String name;
    private final String fieldPrefix;
    private final int maxBytes;

    /**
     * @param name the document as a sentence names it (e.g. {@code "the metadata part"})
     * @param fieldPrefix the document's own field name, put before its members' names in errors (e.g.
     *     {@code "metadata"}), or "" when its members are named alone
     */
    StrictJson(ObjectMapper mapper, Class<T> type, String name, String fieldPrefix, int maxBytes) {
        this.reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.name = name;
        this.fieldPrefix = fieldPrefix;
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /**
     * @param field the field the whole document stands for in an error (e.g. {@code "metadata"}), or {@code null}
     * @throws ConnectorException PAYLOAD_TOO_LARGE, MISSING_FIELD, INVALID_FIELD (an unknown member) or
     *     MALFORMED_REQUEST
     */
    T read(InputStream in, String field) {
        try (in) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE, field,
                        name + " is larger than " + maxBytes + " bytes");
            }
            if (bytes.length == 0) {
                throw new ConnectorException(ErrorCode.MISSING_FIELD, field, name + " is empty");
            }
            T value = reader.readValue(bytes);
            if (value == null) {
                throw new ConnectorException(ErrorCode.MISSING_FIELD, field, name + " is null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String unknown = qualified(e.getPropertyName());
            throw new ConnectorException(ErrorCode.INVALID_FIELD, unknown, unknown + " is not a field of " + name, e);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            String at = path.isEmpty() ? field : qualified(path.startsWith(".") ? path.substring(1) : path);
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, at,
                    (at == null ? name : at) + " does not have the expected JSON type", e);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the input; the location is enough and echoes nothing.
            var at = e.getLocation();
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, field, at == null
                    ? name + " is not valid JSON"
                    : name + " is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, field, name + " cannot be read", e);
        }
    }

    private String qualified(String member) {
        return fieldPrefix.isEmpty() ? member : fieldPrefix + "." + member;
    }
}
