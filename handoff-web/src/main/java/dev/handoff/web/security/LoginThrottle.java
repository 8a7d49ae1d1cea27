package dev.handoff.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing at the portal's login form. Sign-in attempts are counted per
 * account (from the moment the password is checked; a success takes them back) and failures per
 * client address, within {@code handoff.login.lockout-minutes}; at
 * {@code handoff.login.max-failures-per-account} (5) for an account, or
 * {@code handoff.login.max-failures-per-address} (20) from an address, further attempts are refused
 * without checking the password until that many minutes have passed. A successful sign-in clears
 * its account's count. At most {@code handoff.login.tracked} accounts and as many addresses are
 * remembered (the least recently seen are forgotten), so a flood of made-up names cannot fill the
 * memory. In memory, per JVM: a restart forgets the counts.
 *
 * <p>The client address is the connection's, unless {@code handoff.login.client-address-header}
 * names a header set by a trusted reverse proxy (e.g. {@code X-Forwarded-For}): then its last
 * entry, the address the proxy saw. Behind a proxy without it, every client shares the proxy's
 * address and its limit.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    @ConfigProperty(name = "handoff.login.max-failures-per-account", defaultValue = "5")
    int maxPerAccount = 5;

    @Inject
    @ConfigProperty(name = "handoff.login.max-failures-per-address", defaultValue = "20")
    int maxPerAddress = 20;

    @Inject
    @ConfigProperty(name = "handoff.login.lockout-minutes", defaultValue = "15")
    long lockoutMinutes = 15;

    @Inject
    @ConfigProperty(name = "handoff.login.tracked", defaultValue = "10000")
    int tracked = 10_000;

    @Inject
    @ConfigProperty(name = "handoff.login.client-address-header")
    Optional<String> clientAddressHeader = Optional.empty();

    private final Ledger accounts = new Ledger();
    private final Ledger addresses = new Ledger();

    /** How long sign-ins for this account or from this address are still refused; empty when they may try. */
    public Optional<Duration> lockedFor(String account, String address, Instant now) {
        Duration byAccount = accounts.lockedFor(accountKey(account), now);
        Duration byAddress = addresses.lockedFor(address, now);
        Duration longer = byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /**
     * A sign-in is about to check a password: empty when it may go ahead, otherwise how long the
     * account or address is locked. An attempt that may go ahead counts against its account at once
     * (a success takes it back), so parallel guesses cannot all get through before the first fails.
     */
    public Optional<Duration> begin(String account, String address, Instant now) {
        Duration byAddress = addresses.lockedFor(address, now);
        if (!byAddress.isZero()) {
            return Optional.of(byAddress);
        }
        Duration byAccount = accounts.attempt(accountKey(account), now, Math.max(1, maxPerAccount), window(), tracked());
        return byAccount.isZero() ? Optional.empty() : Optional.of(byAccount);
    }

    /** The client's address: the connection's, or the last entry of the configured proxy header. */
    public String clientAddress(HttpServletRequest request) {
        return clientAddress(clientAddressHeader.filter(h -> !h.isBlank()).map(request::getHeader).orElse(null), request.getRemoteAddr());
    }

    static String clientAddress(String forwarded, String remote) {
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() ? remote : last;
    }

    /** The password was wrong: counts against the address (the account was counted by {@link #begin}). */
    public void failed(String address, Instant now) {
        addresses.attempt(address, now, Math.max(1, maxPerAddress), window(), tracked());
    }

    /** The password was right: the account's attempts are forgotten. */
    public void succeeded(String account) {
        accounts.forget(accountKey(account));
    }

    /** "Too many attempts, try again in N minutes." */
    public static String message(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return "Too many attempts, try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }

    int trackedAccounts() {
        return accounts.size();
    }

    private Duration window() {
        return Duration.ofMinutes(Math.max(1, lockoutMinutes));
    }

    private int tracked() {
        return Math.max(100, tracked);
    }

    private static String accountKey(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    /** Failures per key, least recently used first, bounded. */
    private static final class Ledger {

        private static final class Entry {
            int failures;
            Instant since;
            Instant lockedUntil = Instant.EPOCH;
        }

        private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

        synchronized Duration lockedFor(String key, Instant now) {
            Entry entry = key == null ? null : entries.get(key);
            return entry == null || !entry.lockedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, entry.lockedUntil);
        }

        /** Zero and counts the attempt when the key is not locked; otherwise how long it still is. */
        synchronized Duration attempt(String key, Instant now, int max, Duration window, int capacity) {
            if (key == null) {
                return Duration.ZERO;
            }
            Entry entry = entries.computeIfAbsent(key, k -> new Entry());
            if (entry.lockedUntil.isAfter(now)) {
                return Duration.between(now, entry.lockedUntil);
            }
            if (entry.since == null || !entry.since.plus(window).isAfter(now)) {
                entry.failures = 0;
                entry.since = now;
            }
            if (++entry.failures >= max) {
                entry.lockedUntil = now.plus(window);
                entry.failures = 0;
                entry.since = null;
            }
            while (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
            return Duration.ZERO;
        }

        synchronized void forget(String key) {
            entries.remove(key);
        }

        synchronized int size() {
            return entries.size();
        }
    }
}
