package dev.tandem.gateway;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.gateway.apikey.ApiKeys;

/** API keys for the gateway tests, issued through the real key store (one per scope set and test run). */
public final class TestKeys {

    private static final ConcurrentHashMap<String, String> ISSUED = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** An admin key with a limit high enough never to matter. */
    public static String admin(ApiKeys apiKeys) {
        return withScopes(apiKeys, "admin");
    }

    /** A key with exactly these scopes and a limit high enough never to matter. */
    public static String withScopes(ApiKeys apiKeys, String... scopes) {
        return ISSUED.computeIfAbsent(String.join(" ", scopes),
                k -> apiKeys.issue("test " + k, List.of(scopes), 100_000, null, "test").secret());
    }
}
