package dev.tandem.platform.security;

import java.util.Map;

import dev.tandem.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Turns enforcement on for the test application (scope prefix {@code widgets}); the other tests run without it. */
public class SecurityEnabledProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return TestTokens.securityConfig("widgets");
    }
}
