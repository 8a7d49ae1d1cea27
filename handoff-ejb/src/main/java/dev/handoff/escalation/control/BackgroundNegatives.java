package dev.handoff.escalation.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped background of routine support questions across domains (orders, accounts, passwords,
 * billing, payments, SaaS, banking, chit-chat and near-misses), {@code triggers/background-negatives.txt}:
 * every example-taught topic is weighed against it as well as its own negatives, so a topic taught
 * with positive examples alone does not swallow everyday questions.
 */
public final class BackgroundNegatives {

    private static final String RESOURCE = "triggers/background-negatives.txt";
    private static volatile List<String> bundled;

    private BackgroundNegatives() {
    }

    public static List<String> bundled() {
        List<String> current = bundled;
        if (current == null) {
            synchronized (BackgroundNegatives.class) {
                if (bundled == null) {
                    bundled = read();
                }
                current = bundled;
            }
        }
        return current;
    }

    private static List<String> read() {
        InputStream in = BackgroundNegatives.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    lines.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(lines);
    }
}
