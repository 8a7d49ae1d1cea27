package dev.handoff.access.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes and hashes API key secrets: {@code hk_} followed by 40 random base-62 characters (238 bits).
 * Keys this random need no slow hash; SHA-256 lets a request find its key with one indexed lookup.
 */
public final class KeyMaterial {

    public static final String PREFIX = "hk_";
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int RANDOM_CHARS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {}

    public static String newSecret() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }

    /** A fixed secret from configuration must still look like a key and be long enough to be safe. */
    public static boolean isWellFormed(String secret) {
        return secret != null && secret.startsWith(PREFIX) && secret.length() >= PREFIX.length() + 24
                && secret.length() <= 128 && secret.substring(PREFIX.length()).chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What the portal shows to recognise a key: "hk_Ab3xZ…". */
    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 5));
    }
}
