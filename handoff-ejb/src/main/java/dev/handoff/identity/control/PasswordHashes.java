package dev.handoff.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Portal passwords as PBKDF2-HMAC-SHA256 hashes, written the way Jakarta Security's
 * {@code Pbkdf2PasswordHash} writes them ({@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>},
 * Base64), so hashes from either side verify on the other. New hashes use
 * {@code handoff.security.password-iterations} (600,000 by default, OWASP's figure for
 * PBKDF2-SHA256 in 2023); a stored hash with fewer iterations or another algorithm verifies as it
 * was written and {@link #needsUpgrade} says to write it again at the next successful sign-in.
 */
@ApplicationScoped
public class PasswordHashes {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int RECOMMENDED_ITERATIONS = 600_000;
    /** Stored for users who have no password yet (created by an import): nothing verifies against it. */
    public static final String UNUSABLE = "!";
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "handoff.security.password-iterations", defaultValue = "600000")
    int iterations = RECOMMENDED_ITERATIONS;

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        int rounds = iterations();
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + rounds + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(pbkdf2(ALGORITHM, password, salt, rounds, KEY_BYTES));
    }

    /** Whether the password matches the stored hash (any PBKDF2 algorithm and iteration count it names). */
    public boolean verify(char[] password, String stored) {
        Parsed parsed = parse(stored);
        if (parsed == null) {
            return false;
        }
        try {
            byte[] actual = pbkdf2(parsed.algorithm, password, parsed.salt, parsed.iterations, parsed.hash.length);
            return MessageDigest.isEqual(actual, parsed.hash);
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** A hash written with another algorithm or fewer iterations than new hashes get. */
    public boolean needsUpgrade(String stored) {
        Parsed parsed = parse(stored);
        return parsed != null && (!ALGORITHM.equals(parsed.algorithm) || parsed.iterations < iterations());
    }

    /** The iterations new hashes get: the setting, never fewer than 1,000 nor more than 10,000,000. */
    public int iterations() {
        return Math.max(1_000, Math.min(MAX_ITERATIONS, iterations));
    }

    private record Parsed(String algorithm, int iterations, byte[] salt, byte[] hash) {}

    private static Parsed parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmac") || !parts[1].matches("\\d{1,8}")) {
            return null;
        }
        int rounds = Integer.parseInt(parts[1]);
        if (rounds < 1 || rounds > MAX_ITERATIONS) {
            return null;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            return salt.length == 0 || hash.length == 0 ? null : new Parsed(parts[0], rounds, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] pbkdf2(String algorithm, char[] password, byte[] salt, int rounds, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password == null ? new char[0] : password, salt, rounds, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available: " + algorithm, e);
        } finally {
            spec.clearPassword();
        }
    }
}
