package dev.handoff.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings table of docs/runbook.md names exactly the {@code handoff.*} keys the code reads:
 * {@code @ConfigProperty(name = …)}, {@code getValue}/{@code getOptionalValue} with a literal key (a
 * literal ending in a dot followed by {@code +} is a family such as {@code handoff.hours.team.<team>}),
 * {@code ${MPCONFIG=…}} placeholders, and the defaults in {@code microprofile-config.properties}
 * (a default nobody reads is a setting that does nothing).
 */
class SettingsDocumentedTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern[] READS = {
        Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"(handoff\\.[^\"]+)\""),
        Pattern.compile("get(?:Optional)?Value\\(\\s*\"(handoff\\.[^\"]+)\""),
        Pattern.compile("MPCONFIG=(handoff\\.[a-z0-9.-]+)"),
        Pattern.compile("\"(handoff\\.[a-z0-9.-]+\\.)\"\\s*\\+"),
    };
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `(handoff\\.[^`]+)`");
    private static final Pattern PROPERTY = Pattern.compile("(?m)^(handoff\\.[^=\\s]+)\\s*=");

    @Test
    void theRunbookDocumentsExactlyTheKeysTheCodeReads() throws IOException {
        Set<String> read = keysTheCodeReads();
        Set<String> documented = new TreeSet<>();
        Matcher doc = DOCUMENTED.matcher(read(ROOT.resolve("docs/runbook.md")));
        while (doc.find()) {
            documented.add(normalize(doc.group(1)));
        }
        assertTrue(read.size() > 20, "the scan found the code's settings: " + read);
        assertEquals(documented, read, "docs/runbook.md (Configuration) against the keys the code reads");
    }

    @Test
    void everyShippedDefaultIsReadByTheCode() throws IOException {
        Set<String> read = keysTheCodeReads();
        Set<String> defaults = new TreeSet<>();
        Matcher property = PROPERTY.matcher(read(ROOT.resolve("handoff-ejb/src/main/resources/META-INF/microprofile-config.properties")));
        while (property.find()) {
            defaults.add(property.group(1));
        }
        defaults.removeAll(read);
        assertEquals(Set.of(), defaults, "defaults in microprofile-config.properties that no code reads");
    }

    private static Set<String> keysTheCodeReads() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String module : new String[] {"handoff-persistence", "handoff-ejb", "handoff-web"}) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> read.addAll(keys(read(f))));
            }
        }
        return read;
    }

    private static Set<String> keys(String source) {
        Set<String> keys = new TreeSet<>();
        for (Pattern pattern : READS) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                keys.add(normalize(m.group(1).endsWith(".") ? m.group(1) + "<>" : m.group(1)));
            }
        }
        return keys;
    }

    /** {@code handoff.hours.team.<team>} and a family read as {@code "handoff.hours.team." + team} compare equal. */
    private static String normalize(String key) {
        return key.replaceAll("<[^>]*>", "<>");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
