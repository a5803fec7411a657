package dev.tandem.gateway.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tandem.gateway.config.GatewayConfig;

/**
 * Where webhooks may go. A URL must be absolute {@code https://} (or {@code http://} when
 * {@code tandem.gateway.webhooks.allow-http} is set), without user info or fragment, at most 2048 characters; and
 * every address its host resolves to must be public: not loopback, private (RFC 1918, RFC 4193), carrier-grade NAT,
 * link-local (169.254.0.0/16 — cloud metadata — and fe80::/10), multicast, broadcast, reserved or unspecified, IPv4
 * mapped or embedded in IPv6 alike. A host listed in {@code allowed-hosts}, or {@code allow-private-targets}, lifts
 * the address rule.
 *
 * <p>It is applied when a URL is set and again before every delivery, on the addresses resolved for that delivery,
 * and the connection then goes to the address that was checked ({@link #resolve}): a name that resolves to a public
 * address when the subscription is created and to an internal one later (DNS rebinding) is refused at that delivery.
 */
final class WebhookTargets {

    static final int MAX_URL_LENGTH = 2048;

    /** A URL that may be used, with the address to connect to. */
    record Target(URI uri, boolean https, String host, int port, String requestUri, InetAddress address) {
    }

    /** A URL or address that must not be used, and why (said to the client, or recorded as the attempt's error). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Resolves a host name to its addresses; the system resolver outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    WebhookTargets(GatewayConfig.WebhooksConfig config) {
        this(config.allowHttp(), config.allowPrivateTargets(), config.allowedHosts().orElse(List.of()),
                InetAddress::getAllByName);
    }

    WebhookTargets(boolean allowHttp, boolean allowPrivate, List<String> allowedHosts, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream().map(h -> normalizeHost(h.strip())).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Checks the form of a URL (no DNS): the parsed URI, or why not. */
    URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("must not be blank");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            throw new Refused(allowHttp ? "must be an http:// or https:// URL" : "must be an https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not contain user info (user:password@)");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not contain a fragment (#…)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new Refused("has an invalid port");
        }
        return uri;
    }

    /**
     * Parses the URL, resolves its host and checks every address it resolves to (blocking: DNS).
     *
     * @return the target, to connect to its {@link Target#address()} exactly
     */
    Target resolve(String url) throws Refused {
        URI uri = parse(url);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String host = normalizeHost(uri.getHost());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused("host " + host + " does not resolve");
        }
        if (!allowPrivate && !allowedHosts.contains(host)) {
            List<String> refused = new ArrayList<>();
            for (InetAddress address : addresses) {
                String why = forbidden(address);
                if (why != null) {
                    refused.add(address.getHostAddress() + " (" + why + ")");
                }
            }
            if (!refused.isEmpty()) {
                throw new Refused("host " + host + " resolves to " + String.join(", ", refused)
                        + ", which webhooks may not reach");
            }
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Target(uri, https, host, port, requestUri, addresses[0]);
    }

    private static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Why an address may not be reached, or null when it may. */
    static String forbidden(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Inet4Address embedded = embeddedIpv4(b);
            if (embedded != null) {
                String why = forbidden(embedded);
                return why == null ? null : why + ", embedded in IPv6";
            }
            if (address.isAnyLocalAddress()) {
                return "unspecified";
            }
            if (address.isLoopbackAddress()) {
                return "loopback";
            }
            if (address.isLinkLocalAddress() || (b[0] == (byte) 0xfe && (b[1] & 0xc0) == 0xc0)) {
                return "link-local"; // fe80::/10, and the deprecated site-local fec0::/10
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "private"; // fc00::/7 unique local
            }
            if (address.isMulticastAddress()) {
                return "multicast";
            }
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8) {
                return "reserved"; // 2001:db8::/32 documentation
            }
            return null;
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address.isAnyLocalAddress() || first == 0) {
            return "unspecified";
        }
        if (address.isLoopbackAddress() || first == 127) {
            return "loopback";
        }
        if (first == 10 || (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168)) {
            return "private";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "private"; // 100.64.0.0/10 carrier-grade NAT
        }
        if (first == 169 && second == 254) {
            return "link-local";
        }
        if (first >= 224 && first <= 239) {
            return "multicast";
        }
        if (first >= 240) {
            return "reserved"; // 240.0.0.0/4 and the broadcast address
        }
        if ((first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second & 0xfe) == 18)) {
            return "reserved"; // 192.0.0.0/24 protocol assignments, 198.18.0.0/15 benchmarking
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv6 one that carries one: IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
     * ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}); null otherwise.
     */
    private static Inet4Address embeddedIpv4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        byte[] v4 = null;
        if (zeros80 && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0
                && (b[12] != 0 || b[13] != 0)))) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        }
        if (v4 == null) {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
