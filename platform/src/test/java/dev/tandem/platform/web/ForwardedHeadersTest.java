package dev.tandem.platform.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * X-Forwarded-* are believed only from the proxies the service trusts ({@code quarkus.http.proxy.trusted-proxies},
 * loopback by default: the gateway on the same machine); from anyone else they are ignored, so a client that reaches
 * a service directly cannot make it build links (Location) to a host of its choosing.
 */
@QuarkusTest
class ForwardedHeadersTest {

    private static final String BODY = """
            {"name":"fwd-%s","quantity":1,"color":"RED"}""";

    @Test
    void theGatewayOnTheSameMachineIsBelievedForTheHostAndSchemeItForwards() throws IOException {
        String location = createFrom(InetAddress.getByName("127.0.0.1"), "gateway.example:8443");
        assertTrue(location.startsWith("https://gateway.example:8443/test/widgets/"), location);
    }

    @Test
    void forwardedHeadersFromAnyOtherAddressAreIgnored() throws IOException {
        InetAddress untrusted = untrustedLocalAddress();
        String location = createFrom(untrusted, "evil.example");
        assertFalse(location.contains("evil.example"), "a Location on the client's host: " + location);
        assertTrue(location.startsWith("http://"), "X-Forwarded-Proto ignored too: " + location);
        // and the plain request still works as ever
        given().contentType("application/json").body(BODY.formatted(UUID.randomUUID())).post("/test/widgets")
                .then().statusCode(201);
    }

    /** POSTs a widget from {@code source} with forwarded headers naming {@code host} and https; its Location. */
    private static String createFrom(InetAddress source, String host) throws IOException {
        byte[] body = BODY.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /test/widgets HTTP/1.1\r\nHost: 127.0.0.1:" + RestAssured.port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nX-Forwarded-Host: " + host + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.7"
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
            for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("location:")) {
                    return line.substring("location:".length()).strip();
                }
            }
            throw new AssertionError("no Location: " + answer);
        }
    }

    /**
     * A local address other than 127.0.0.1 to connect from: 127.0.0.2 (all of 127/8 is this machine on Linux), else
     * the machine's own non-loopback address.
     */
    private static InetAddress untrustedLocalAddress() throws IOException {
        InetAddress second = InetAddress.getByName("127.0.0.2");
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(second, 0));
            return second;
        } catch (IOException notConfigured) {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address) {
                            return address;
                        }
                    }
                }
            }
        }
        Assumptions.abort("no local address other than 127.0.0.1 to send from");
        return null;
    }
}
