package eu.lexbridge.core.error;

import java.util.Objects;

/**
 * A failure with a stable code and a sentence for a person. The detail never contains payload content or personal
 * data; {@link #field()} names the offending input field where there is one.
 */
public class ConnectorException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public ConnectorException(ErrorCode code, String detail) {
        this(code, null, detail, null);
    }

    public ConnectorException(ErrorCode code, String field, String detail) {
        this(code, field, detail, null);
    }

    public ConnectorException(ErrorCode code, String field, String detail, Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
