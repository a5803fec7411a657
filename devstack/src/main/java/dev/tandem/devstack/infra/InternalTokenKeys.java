package dev.tandem.devstack.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The Ed25519 key pair of a devstack data folder for the gateway's internal token: made on first use, kept in
 * {@code <data>/keys/} so restarts keep it. The gateway gets the private key (base64 PKCS#8), the services the public
 * key (base64 X.509) — the format of {@code dev.tandem.platform.security.SecurityKeys}.
 */
public record InternalTokenKeys(String publicKey, String privateKey) {

    static final String PUBLIC_FILE = "internal-token.pub";
    static final String PRIVATE_FILE = "internal-token.key";

    public static InternalTokenKeys loadOrCreate(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("keys");
        Path pub = dir.resolve(PUBLIC_FILE);
        Path key = dir.resolve(PRIVATE_FILE);
        if (Files.isRegularFile(pub) && Files.isRegularFile(key)) {
            return new InternalTokenKeys(Files.readString(pub).strip(), Files.readString(key).strip());
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("Ed25519 is not available in this JVM", e);
        }
        InternalTokenKeys keys = new InternalTokenKeys(
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        Files.createDirectories(dir);
        Files.writeString(key, keys.privateKey() + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.writeString(pub, keys.publicKey() + "\n", StandardCharsets.US_ASCII);
        return keys;
    }
}
