package dev.tandem.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Which URLs and addresses webhooks may reach. */
class WebhookTargetsTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no DNS
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A resolver from a table: no DNS in the test. */
    private static WebhookTargets.Resolver table(Map<String, List<String>> names) {
        return host -> {
            List<String> addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.stream().map(WebhookTargetsTest::ip).toArray(InetAddress[]::new);
        };
    }

    private final WebhookTargets strict = new WebhookTargets(false, false, List.of(), table(Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "internal.example.com", List.of("93.184.216.34", "10.1.2.3"),
            "169.254.169.254", List.of("169.254.169.254"))));

    @Test
    void everyKindOfNonPublicAddressIsRefused() {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255",
                "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
                "64:ff9b::a9fe:a9fe", "2002:a00:1::1")) {
            assertTrue(WebhookTargets.forbidden(ip(address)) != null, address + " must be refused");
        }
        for (String address : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111")) {
            assertNull(WebhookTargets.forbidden(ip(address)), address + " is public");
        }
    }

    @Test
    void onlyHttpsUnlessHttpIsAllowedAndNoUserInfoOrFragment() {
        assertEquals("must be an https:// URL", refusal(strict, "http://hooks.example.com/x"));
        assertEquals("must be an https:// URL", refusal(strict, "ftp://hooks.example.com/x"));
        assertEquals("must not contain user info (user:password@)", refusal(strict, "https://u:p@hooks.example.com/"));
        assertEquals("must not contain a fragment (#…)", refusal(strict, "https://hooks.example.com/#x"));
        assertEquals("must name a host", refusal(strict, "https:///path"));
        assertTrue(refusal(strict, "https://nowhere.example.com/").contains("does not resolve"));
    }

    @Test
    void aTargetIsTheCheckedAddressWithTheNameForTheHostHeader() throws Exception {
        WebhookTargets.Target target = strict.resolve("https://hooks.example.com:8443/in?x=1");
        assertEquals(ip("93.184.216.34"), target.address());
        assertEquals("hooks.example.com", target.host());
        assertEquals(8443, target.port());
        assertEquals("/in?x=1", target.requestUri());
        assertTrue(target.https());
    }

    @Test
    void aNameWithOneInternalAddressAmongPublicOnesIsRefused() {
        String why = refusal(strict, "https://internal.example.com/");
        assertTrue(why.contains("10.1.2.3 (private)"), why);
        assertTrue(refusal(strict, "https://169.254.169.254/latest/meta-data/").contains("link-local"));
    }

    @Test
    void aNameThatResolvesElsewhereAtDeliveryTimeIsRefusedThen() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WebhookTargets rebinding = new WebhookTargets(false, false, List.of(), host -> new InetAddress[] {
                lookups.incrementAndGet() == 1 ? ip("93.184.216.34") : ip("127.0.0.1")});
        rebinding.resolve("https://rebind.example.com/"); // when the subscription is created
        assertTrue(refusal(rebinding, "https://rebind.example.com/").contains("127.0.0.1 (loopback)"));
    }

    @Test
    void allowedHostsAndAllowPrivateLiftTheAddressRuleOnly() throws Exception {
        WebhookTargets dev = new WebhookTargets(true, false, List.of("127.0.0.1"), table(Map.of(
                "127.0.0.1", List.of("127.0.0.1"), "localhost", List.of("127.0.0.1"))));
        assertEquals(ip("127.0.0.1"), dev.resolve("http://127.0.0.1:9000/hook").address());
        assertTrue(refusal(dev, "http://localhost:9000/hook").contains("loopback"),
                "a name that resolves to an allowed address is not an allowed host");
        WebhookTargets open = new WebhookTargets(false, true, List.of(), table(Map.of("10.0.0.1", List.of("10.0.0.1"))));
        assertEquals(ip("10.0.0.1"), open.resolve("https://10.0.0.1/").address());
    }

    private static String refusal(WebhookTargets targets, String url) {
        return assertThrows(WebhookTargets.Refused.class, () -> targets.resolve(url)).getMessage();
    }
}
