package dev.handoff.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashesTest {

    /** Small iterations keep the test fast; the default is checked on its own. */
    private static PasswordHashes hashes(int iterations) {
        PasswordHashes hashes = new PasswordHashes();
        hashes.iterations = iterations;
        return hashes;
    }

    /** A hash as the first releases wrote it: Jakarta Security's Pbkdf2PasswordHash defaults (SHA-256, 2,048 iterations, 32-byte salt and key). */
    static String legacyHash(String password) throws Exception {
        byte[] salt = new byte[32];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 2048, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(key);
    }

    @Test
    void newHashesUseTodaysRecommendationByDefault() {
        PasswordHashes hashes = new PasswordHashes();
        assertEquals(600_000, hashes.iterations());
        String hash = hashes.hash("handoff-demo".toCharArray());
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:600000:"), hash);
        assertTrue(hashes.verify("handoff-demo".toCharArray(), hash));
    }

    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedEachTime() {
        PasswordHashes hashes = hashes(1_000);
        String first = hashes.hash("s3cret-password".toCharArray());
        String second = hashes.hash("s3cret-password".toCharArray());

        assertNotEquals(first, second, "a new salt every time");
        assertTrue(hashes.verify("s3cret-password".toCharArray(), first));
        assertTrue(hashes.verify("s3cret-password".toCharArray(), second));
        assertFalse(hashes.verify("s3cret-passwore".toCharArray(), first));
        assertFalse(hashes.verify(new char[0], first));
    }

    @Test
    void oldHashesVerifyAndAskForAnUpgrade() throws Exception {
        PasswordHashes hashes = hashes(600_000);
        String old = legacyHash("handoff-demo");

        assertTrue(hashes.verify("handoff-demo".toCharArray(), old), "2,048-iteration hashes still sign in");
        assertFalse(hashes.verify("handoff-dem0".toCharArray(), old));
        assertTrue(hashes.needsUpgrade(old), "and are written again at that sign-in");
        assertFalse(hashes(2_048).needsUpgrade(old), "not when the setting itself is that low");
    }

    @Test
    void aCurrentHashNeedsNoUpgrade() {
        PasswordHashes hashes = hashes(1_000);
        assertFalse(hashes.needsUpgrade(hashes.hash("whatever-it-is".toCharArray())));
        assertTrue(hashes(1_001).needsUpgrade(hashes.hash("whatever-it-is".toCharArray())));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {PasswordHashes.UNUSABLE, "plain", "PBKDF2WithHmacSHA256:1000:%%%:AAAA", "PBKDF2WithHmacSHA256:x:AAAA:AAAA",
            "PBKDF2WithHmacSHA256:99999999:AAAA:AAAA", "PBKDF2WithHmacNope:1000:AAAA:AAAA", "MD5:1000:AAAA:AAAA"})
    void whatIsNoHashVerifiesNothing(String stored) {
        PasswordHashes hashes = hashes(1_000);
        assertFalse(hashes.verify("anything-at-all".toCharArray(), stored));
    }

    @Test
    void theSettingIsBounded() {
        assertEquals(1_000, hashes(1).iterations());
        assertEquals(10_000_000, hashes(Integer.MAX_VALUE).iterations());
    }
}
