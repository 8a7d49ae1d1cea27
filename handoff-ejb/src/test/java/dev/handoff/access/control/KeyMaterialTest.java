package dev.handoff.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyMaterialTest {

    private static final String BASE62 = "[0-9A-Za-z]";

    @Test
    void aSecretIsThePrefixAndFortyBase62Characters() {
        String secret = KeyMaterial.newSecret();

        assertEquals(43, secret.length());
        assertTrue(secret.matches("hk_" + BASE62 + "{40}"), secret);
        assertTrue(KeyMaterial.isWellFormed(secret));
    }

    @Test
    void secretsAreUniqueAndUseTheWholeAlphabet() {
        Set<String> secrets = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = KeyMaterial.newSecret();
            assertTrue(secret.matches("hk_" + BASE62 + "{40}"), secret);
            secrets.add(secret);
            secret.substring(3).chars().forEach(c -> seen.add((char) c));
        }

        assertEquals(1000, secrets.size());
        // 40 000 draws from 62 symbols: missing any one of them is astronomically unlikely.
        assertEquals(62, seen.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "hk_abcdefghijklmnopqrstuvwx", // exactly 24 after the prefix
            "hk_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    })
    void wellFormedFixedSecrets(String secret) {
        assertTrue(KeyMaterial.isWellFormed(secret));
    }

    @Test
    void lengthBoundsAreTwentySevenToOneHundredTwentyEight() {
        assertFalse(KeyMaterial.isWellFormed("hk_" + "a".repeat(23)));
        assertTrue(KeyMaterial.isWellFormed("hk_" + "a".repeat(24)));
        assertTrue(KeyMaterial.isWellFormed("hk_" + "a".repeat(125)));
        assertFalse(KeyMaterial.isWellFormed("hk_" + "a".repeat(126)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "hk_",
            "HK_abcdefghijklmnopqrstuvwxyz",
            "abcdefghijklmnopqrstuvwxyz0123",
            "xx_abcdefghijklmnopqrstuvwxyz",
            "hk_abcdefghijkl-mnopqrstuvwxyz",
            "hk_abcdefghijkl mnopqrstuvwxyz",
            "hk_abcdefghijklmnopqrstuvwxyz_",
            " hk_abcdefghijklmnopqrstuvwxyz",
    })
    void malformedSecrets(String secret) {
        assertFalse(KeyMaterial.isWellFormed(secret));
    }

    @Test
    void hashIsSixtyFourLowerCaseHexCharacters() {
        String hash = KeyMaterial.hash(KeyMaterial.newSecret());

        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    }

    @Test
    void hashIsSha256OfTheUtf8Bytes() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", KeyMaterial.hash("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", KeyMaterial.hash(""));
    }

    @Test
    void hashIsDeterministicAndDistinguishesSecrets() {
        String secret = KeyMaterial.newSecret();

        assertEquals(KeyMaterial.hash(secret), KeyMaterial.hash(secret));
        assertNotEquals(KeyMaterial.hash(secret), KeyMaterial.hash(secret + "x"));
        assertNotEquals(KeyMaterial.hash("hk_a"), KeyMaterial.hash("hk_A"));
    }

    @Test
    void displayPrefixIsThePrefixAndFiveCharacters() {
        assertEquals("hk_Ab3xY", KeyMaterial.displayPrefix("hk_Ab3xYz0123456789"));
        String secret = KeyMaterial.newSecret();
        assertEquals(secret.substring(0, 8), KeyMaterial.displayPrefix(secret));
    }

    @Test
    void displayPrefixOfAShortSecretIsTheWholeSecret() {
        assertEquals("hk_ab", KeyMaterial.displayPrefix("hk_ab"));
        assertEquals("", KeyMaterial.displayPrefix(""));
    }
}
