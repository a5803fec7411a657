package dev.tandem.gateway.proxy;

import java.net.URI;
import java.time.Duration;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** One upstream service as the proxy sees it: where it is, its time limits, its HTTP client and its circuit. */
public final class Upstream {

    private final String name;
    private final String url;
    private final boolean ssl;
    private final String host;
    private final int port;
    private final String basePath;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final HttpClient client;
    private final CircuitBreaker circuit;

    Upstream(String name, String url, Duration timeout, Duration connectTimeout, HttpClient client, CircuitBreaker circuit) {
        this.name = name;
        this.url = url;
        URI uri = URI.create(url.trim());
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("upstream '" + name + "' needs an http(s) URL with a host, got: " + url);
        }
        this.ssl = scheme.equals("https");
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        this.basePath = path;
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
        this.client = client;
        this.circuit = circuit;
    }

    /** Request options for {@code pathAndQuery} (which starts with '/') on this upstream. */
    public RequestOptions request(HttpMethod method, String pathAndQuery) {
        return new RequestOptions()
                .setMethod(method)
                .setSsl(ssl)
                .setHost(host)
                .setPort(port)
                .setURI(basePath + pathAndQuery)
                .setConnectTimeout(connectTimeout.toMillis())
                // a response body that stalls this long is cut off as well
                .setIdleTimeout(timeout.toMillis());
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public Duration timeout() {
        return timeout;
    }

    public HttpClient client() {
        return client;
    }

    public CircuitBreaker circuit() {
        return circuit;
    }
}
