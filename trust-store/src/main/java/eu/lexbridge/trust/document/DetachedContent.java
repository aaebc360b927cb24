package eu.lexbridge.trust.document;

import java.io.InputStream;
import java.util.Objects;

/**
 * A file a detached signature covers, given as a stream: {@link DocumentValidator} reads it to the end and does not
 * close it.
 *
 * @param name the file name the signature refers to (a XAdES reference URI such as {@code judgment.pdf}); DSS matches
 *     content to references by it, except that a single content is taken for the one detached reference whatever its
 *     name
 * @param content the file's bytes
 */
public record DetachedContent(String name, InputStream content) {

    public DetachedContent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
