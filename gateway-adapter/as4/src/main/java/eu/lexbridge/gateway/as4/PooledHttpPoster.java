package eu.lexbridge.gateway.as4;

import com.helger.http.header.HttpHeaderMap;
import com.helger.phase4.messaging.http.BasicHttpPoster;
import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;

/**
 * Posts phase4's AS4 messages through our shared client. phase4's own poster creates and closes an HTTP client (pool,
 * TCP and TLS handshake) for every message; measured: HTTPS 65 → 100 msg/s with a kept-alive pool.
 */
final class PooledHttpPoster extends BasicHttpPoster {

    private final CloseableHttpClient client;

    PooledHttpPoster(CloseableHttpClient client) {
        this.client = client;
    }

    @Override
    public <T> T sendGenericMessage(String url, HttpHeaderMap headers, HttpEntity entity,
                                    HttpClientResponseHandler<? extends T> responseHandler) throws IOException {
        HttpPost post = new HttpPost(url);
        if (headers != null) {
            // Same header handling as phase4's own poster: unify values, quote as configured.
            headers.forEachSingleHeader(post::addHeader, true, isQuoteHttpHeaders());
        }
        post.setEntity(entity);
        if (getHttpCustomizer() != null) {
            getHttpCustomizer().accept(post);
        }
        return client.execute(post, responseHandler);
    }
}
