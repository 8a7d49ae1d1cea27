package dev.handoff.integration.boundary;

import java.time.Instant;
import java.util.Set;

/**
 * A connector as the settings page shows it: never its secrets, only which of them are set.
 */
public record ConnectorView(long id, String kind, String name, boolean enabled, String url, String settings, Set<String> secretsSet,
        Instant updatedAt, Instant lastSuccessAt, Instant failingSince, String lastError) {

    public boolean hasSecret(String name) {
        return secretsSet.contains(name);
    }
}
