package dev.tandem.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tandem.gateway.apikey.ApiKeySecrets;
import dev.tandem.gateway.routing.Route;

class ScopePolicyTest {

    private static final Route PRODUCTS = new Route("/api/v1/products", "product");

    @Test
    void readsNeedReadWritesNeedWriteOfTheRoutesUpstream() {
        assertEquals(Optional.of("products:read"), ScopePolicy.required("/api/v1/products/1", "GET", PRODUCTS, "products"));
        assertEquals(Optional.of("products:read"), ScopePolicy.required("/api/v1/products/1", "HEAD", PRODUCTS, "products"));
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            assertEquals(Optional.of("products:write"), ScopePolicy.required("/api/v1/products", method, PRODUCTS, "products"));
        }
    }

    @Test
    void theAdminApiNeedsAdminAndUnknownPathsAreLeftToThe404() {
        assertEquals(Optional.of("admin"), ScopePolicy.required("/api/v1/admin/api-keys", "GET", null, null));
        assertEquals(Optional.of("admin"), ScopePolicy.required("/api/v1/admin", "POST", null, null));
        assertEquals(Optional.empty(), ScopePolicy.required("/api/v1/administrators", "GET", null, null));
        assertEquals(Optional.empty(), ScopePolicy.required("/api/v1/nothing", "GET", null, null));
    }

    @Test
    void theWebhooksNeedWebhooksManageWhateverTheMethodAndAdminAllowsThemToo() {
        for (String method : List.of("GET", "POST", "PATCH", "DELETE")) {
            assertEquals(Optional.of("webhooks:manage"), ScopePolicy.required("/api/v1/webhooks", method, null, null));
            assertEquals(Optional.of("webhooks:manage"),
                    ScopePolicy.required("/api/v1/webhooks/7/deliveries", method, null, null));
        }
        assertEquals(Optional.empty(), ScopePolicy.required("/api/v1/webhooksX", "GET", null, null));
        assertEquals(true, dev.tandem.platform.security.Scopes.allows(Set.of("admin"), "webhooks:manage"));
        assertEquals(false, dev.tandem.platform.security.Scopes.allows(Set.of("products:write"), "webhooks:manage"));
    }

    @Test
    void scopesComeFromAStringOrAnArrayClaimNestedOrNot() {
        assertEquals(Set.of("products:read", "admin"),
                JwtAuthenticator.scopes(Map.of("scope", "products:read  admin"), "scope"));
        assertEquals(Set.of("feedback:write"),
                JwtAuthenticator.scopes(Map.of("roles", List.of("feedback:write", 42)), "roles"));
        assertEquals(Set.of("projects:read"), JwtAuthenticator.scopes(
                Map.of("realm_access", Map.of("roles", List.of("projects:read"))), "realm_access.roles"));
        assertEquals(Set.of(), JwtAuthenticator.scopes(Map.of("scope", 7), "scope"));
        assertEquals(Set.of(), JwtAuthenticator.scopes(Map.of(), "realm_access.roles"));
    }

    @Test
    void keySecretsHaveAVisiblePrefixAndAreComparedByHash() {
        ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
        assertEquals(Optional.of(generated.prefix()), ApiKeySecrets.prefixOf(generated.secret()));
        assertEquals(82, generated.secret().length());
        assertEquals(Optional.empty(), ApiKeySecrets.prefixOf(generated.secret() + "0"));
        assertEquals(Optional.empty(), ApiKeySecrets.prefixOf("eyJhbGciOiJSUzI1NiJ9.e30.sig"));
        String hash = ApiKeySecrets.hash(generated.secret());
        assertEquals(64, hash.length());
        assertEquals(true, ApiKeySecrets.sameHash(hash, ApiKeySecrets.hash(generated.secret())));
        assertEquals(false, ApiKeySecrets.sameHash(hash, ApiKeySecrets.hash(ApiKeySecrets.generate().secret())));
    }
}
