package dev.tandem.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class HeadersTest {

    @Test
    void requestKeepsEndToEndHeadersOnly() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Hop")
                .add("X-Hop", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("TE", "trailers")
                .add("Upgrade", "h2c")
                .add("Proxy-Authorization", "Basic x")
                .add("Proxy-Connection", "keep-alive")
                .add("Host", "gateway:8080")
                .add("X-Request-Id", "client")
                .add("traceparent", "00-x")
                .add("Expect", "100-continue")
                .add("Authorization", "Bearer t")
                .add("Accept", "application/json")
                .add("Content-Length", "12")
                .add("Cookie", "a=1")
                .add("Cookie", "b=2");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        Headers.copyRequestHeaders(in, out);
        assertEquals("Bearer t", out.get("Authorization"));
        assertEquals("application/json", out.get("Accept"));
        assertEquals("12", out.get("Content-Length"));
        assertEquals(2, out.getAll("Cookie").size());
        for (String dropped : new String[] {"Connection", "X-Hop", "Keep-Alive", "Transfer-Encoding", "TE", "Upgrade",
                "Proxy-Authorization", "Proxy-Connection", "Host", "X-Request-Id", "traceparent", "Expect"}) {
            assertNull(out.get(dropped), dropped);
        }
    }

    @Test
    void responseDropsHopByHopHeaders() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "close")
                .add("Transfer-Encoding", "chunked")
                .add("Proxy-Authenticate", "Basic")
                .add("X-Request-Id", "from-upstream")
                .add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2")
                .add("ETag", "\"v3\"")
                .add("Content-Type", "application/json");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        Headers.copyResponseHeaders(in, out);
        assertEquals(2, out.getAll("Set-Cookie").size());
        assertEquals("\"v3\"", out.get("ETag"));
        assertEquals("application/json", out.get("Content-Type"));
        assertNull(out.get("Connection"));
        assertNull(out.get("Transfer-Encoding"));
        assertNull(out.get("Proxy-Authenticate"));
        assertNull(out.get("X-Request-Id"), "the gateway sets its own");
    }
}
