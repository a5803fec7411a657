package dev.tandem.devstack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tandem.devstack.stack.Service;
import dev.tandem.devstack.stack.Stack;

class InternalTokenKeysTest {

    @TempDir
    Path data;

    @Test
    void aDataFolderKeepsItsKeyPairAcrossStarts() throws Exception {
        InternalTokenKeys first = InternalTokenKeys.loadOrCreate(data);
        InternalTokenKeys again = InternalTokenKeys.loadOrCreate(data);
        assertEquals(first, again);
        assertNotEquals(first, InternalTokenKeys.loadOrCreate(data.resolve("other")));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("keys").resolve(InternalTokenKeys.PRIVATE_FILE))));

        // the halves belong together: what the private key signs, the public key verifies
        byte[] message = "internal token".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(first.privateKey()))));
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(first.publicKey()))));
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void theGatewayGetsThePrivateKeyAndTheBootstrapSwitchTheServicesOnlyThePublicKey() throws Exception {
        InternalTokenKeys keys = InternalTokenKeys.loadOrCreate(data);
        Map<String, String> gateway = Stack.localEnvironment(Service.GATEWAY, data);
        assertEquals(keys.privateKey(), gateway.get(Stack.ENV_INTERNAL_TOKEN_PRIVATE_KEY));
        assertEquals("true", gateway.get(Stack.ENV_BOOTSTRAP_ADMIN_KEY));
        assertEquals(Stack.adminKeyFile(data).toString(), gateway.get(Stack.ENV_BOOTSTRAP_ADMIN_KEY_FILE));
        assertFalse(gateway.containsKey(Stack.ENV_SECURITY_PUBLIC_KEY));
        for (Service s : new Service[] {Service.PRODUCT, Service.PROJECT, Service.FEEDBACK}) {
            Map<String, String> env = Stack.localEnvironment(s, data);
            assertEquals(Map.of(Stack.ENV_SECURITY_PUBLIC_KEY, keys.publicKey()), env, s.module());
        }
    }
}
