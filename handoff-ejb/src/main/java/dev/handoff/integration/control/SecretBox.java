package dev.handoff.integration.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals connector secrets with AES-256-GCM under the key from {@code handoff.integrations.secret-key}
 * (32 random bytes, base64). A sealed value is {@code v1:} + base64(12-byte nonce + ciphertext + tag);
 * a fresh nonce per seal, so equal secrets never look equal. Opening with another key fails.
 * {@link #toString()} shows nothing of the key.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A box for the configured key, or an error message saying what is wrong with it. */
    public static SecretBox of(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new KeyProblem("handoff.integrations.secret-key is not set: connector secrets cannot be stored");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("handoff.integrations.secret-key is not base64");
        }
        if (raw.length != 32) {
            throw new KeyProblem("handoff.integrations.secret-key must be 32 bytes (base64 of 32 random bytes), not " + raw.length);
        }
        return new SecretBox(raw);
    }

    /** A new random key, base64 (for the runbook's "generate a key"). */
    public static String newKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    public String seal(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new KeyProblem("a stored secret is not in a known format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyProblem("stored secrets cannot be opened with handoff.integrations.secret-key (was the key changed?)");
        }
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, key=***]";
    }

    /** The key is missing or wrong; the message says which, never the key. */
    public static final class KeyProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public KeyProblem(String message) {
            super(message);
        }
    }
}
