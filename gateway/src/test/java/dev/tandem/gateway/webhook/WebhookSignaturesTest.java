package dev.tandem.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Signatures against the Standard Webhooks specification's own example, and the secret format. */
class WebhookSignaturesTest {

    /** The example of the Standard Webhooks reference libraries' sign test (secret, id, timestamp, payload, signature). */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final String SPEC_PAYLOAD = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSpecificationsExampleSignsTheSame() {
        assertEquals(SPEC_SIGNATURE, WebhookSignatures.header(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP,
                SPEC_PAYLOAD.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void duringARotationBothSecretsSignSeparatedByASpaceTheCurrentFirst() {
        String current = WebhookSignatures.newSecret();
        String header = WebhookSignatures.header(List.of(current, SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP,
                SPEC_PAYLOAD.getBytes(StandardCharsets.UTF_8));
        String[] parts = header.split(" ");
        assertEquals(2, parts.length, header);
        assertEquals(SPEC_SIGNATURE, parts[1]);
        assertTrue(parts[0].startsWith("v1,"));
        assertNotEquals(parts[0], parts[1]);
    }

    @Test
    void aSecretIsWhsecAndTheBase64Of32RandomBytes() {
        String secret = WebhookSignatures.newSecret();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignatures.newSecret());
    }
}
