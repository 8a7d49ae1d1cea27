package dev.handoff.access.boundary;

import dev.handoff.access.control.KeyMaterial;
import dev.handoff.access.entity.ApiKey;
import dev.handoff.access.entity.ApiScope;
import dev.handoff.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Issues, lists, revokes and checks the API keys bot platforms use. */
@Stateless
public class ApiKeyService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public IssuedKey issue(String name, ApiScope scope, String issuedBy) {
        return register(name, scope, issuedBy, KeyMaterial.newSecret());
    }

    /** Registers a secret chosen by the operator (e.g. HANDOFF_DEMO_API_KEY). */
    public IssuedKey register(String name, ApiScope scope, String issuedBy, String secret) {
        if (!KeyMaterial.isWellFormed(secret)) {
            throw new IllegalArgumentException("an API key is 'hk_' followed by at least 24 letters or digits");
        }
        ApiKey key = new ApiKey(name, KeyMaterial.displayPrefix(secret), KeyMaterial.hash(secret),
                Objects.requireNonNull(scope), issuedBy, clock.instant());
        em.persist(key);
        em.flush();
        return new IssuedKey(key.getId(), key.getName(), secret);
    }

    public void revoke(long id, String revokedBy) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null) {
            throw new NotFoundException("API key " + id + " does not exist");
        }
        key.revoke(revokedBy, clock.instant());
    }

    public List<ApiKey> all() {
        return em.createNamedQuery(ApiKey.FIND_ALL, ApiKey.class).getResultList();
    }

    /** The key a bearer secret belongs to, revoked or not; the caller decides what to answer. */
    public Optional<ApiKey> findBySecret(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 256) {
            return Optional.empty();
        }
        Optional<ApiKey> key = em.createNamedQuery(ApiKey.FIND_BY_HASH, ApiKey.class)
                .setParameter("hash", KeyMaterial.hash(secret.strip()))
                .getResultStream()
                .findFirst();
        key.filter(k -> !k.isRevoked()).ifPresent(k -> k.touch(clock.instant()));
        return key;
    }
}
