package dev.handoff.access.boundary;

import dev.handoff.platform.InvalidInputException;
import dev.handoff.access.control.KeyCache;
import dev.handoff.access.control.KeyMaterial;
import dev.handoff.access.entity.ApiKey;
import dev.handoff.access.entity.ApiScope;
import dev.handoff.platform.NotFoundException;
import dev.handoff.platform.events.ApiKeyRevoked;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues, lists, revokes and checks the API keys bot platforms use. */
@Stateless
public class ApiKeyService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    KeyCache cache;

    @Inject
    @ConfigProperty(name = "handoff.api.key-cache-seconds", defaultValue = "5")
    long cacheSeconds;

    @Inject
    Event<ApiKeyRevoked> revoked;

    public IssuedKey issue(String name, ApiScope scope, String issuedBy) {
        return register(name, scope, issuedBy, KeyMaterial.newSecret());
    }

    /** Registers a secret chosen by the operator (e.g. HANDOFF_DEMO_API_KEY). */
    public IssuedKey register(String name, ApiScope scope, String issuedBy, String secret) {
        if (!KeyMaterial.isWellFormed(secret)) {
            throw new InvalidInputException("an API key is 'hk_' followed by at least 24 letters or digits");
        }
        ApiKey key = new ApiKey(name, KeyMaterial.displayPrefix(secret), KeyMaterial.hash(secret),
                Objects.requireNonNull(scope), issuedBy, clock.instant());
        em.persist(key);
        em.flush();
        cache.invalidate();
        return new IssuedKey(key.getId(), key.getName(), secret);
    }

    public void revoke(long id, String revokedBy) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null) {
            throw new NotFoundException("API key " + id + " does not exist");
        }
        key.revoke(revokedBy, clock.instant());
        cache.invalidate();
        revoked.fire(new ApiKeyRevoked(id));
    }

    /** Of these key ids, the ones that are no longer usable (revoked or gone). */
    public Set<Long> unusableAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<Long> unusable = new HashSet<>(ids);
        unusable.removeAll(em.createQuery("SELECT k.id FROM ApiKey k WHERE k.id IN :ids AND k.revokedAt IS NULL", Long.class)
                .setParameter("ids", List.copyOf(ids)).getResultList());
        return unusable;
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

    /**
     * The filter's check of a bearer secret, answered from memory for {@code
     * handoff.api.key-cache-seconds} (5 s) after a database read; runs outside any transaction. An
     * active key's use is remembered and written by {@link KeyUseRecorder} about once a minute.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<KeyCache.Known> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 256) {
            return Optional.empty();
        }
        String hash = KeyMaterial.hash(secret.strip());
        Instant now = clock.instant();
        Optional<KeyCache.Known> known = cache.find(hash, now).or(() -> em.createNamedQuery(ApiKey.FIND_BY_HASH, ApiKey.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst()
                .map(k -> new KeyCache.Known(k.getId(), k.getName(), k.getScope(), k.isRevoked()))
                .map(k -> {
                    cache.put(hash, k, now, Duration.ofSeconds(Math.max(0, cacheSeconds)));
                    return k;
                }));
        known.filter(k -> !k.revoked()).ifPresent(k -> cache.used(k.keyId(), now));
        return known;
    }

    /** Writes the remembered uses: each key's {@code last_used_at}, never moved backwards. */
    public int recordUses() {
        Map<Long, Instant> uses = cache.drainUses();
        uses.forEach((id, at) -> {
            ApiKey key = em.find(ApiKey.class, id);
            if (key != null) {
                key.touch(at);
            }
        });
        return uses.size();
    }
}
