package dev.handoff.routing.boundary;

import dev.handoff.conversation.control.HandoffAvailability;
import dev.handoff.platform.RoutingSettings;
import dev.handoff.routing.control.BusinessHours;
import dev.handoff.routing.control.RoutingPolicy;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether anybody can take a new handoff now, and if not why, so the customer can be told honestly:
 * {@code closed} when every team with an agent for the skill is outside its opening hours
 * ({@code handoff.hours}, per team {@code handoff.hours.team.<team>}, each in its zone),
 * {@code nobody-online} when no enabled agent (of the pilot group, if one is set) is online,
 * {@code queue-full} when the queue is at the policy's cap.
 *
 * <p>The answer to the conversation's port {@link HandoffAvailability}, whose reasons and
 * {@link HandoffAvailability.Unavailable} it uses (ADR 0063); the bean keeps its no-interface view.
 */
@Stateless
@LocalBean
@Local(HandoffAvailability.class)
public class Availability implements HandoffAvailability {

    private static final Logger LOG = Logger.getLogger(Availability.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    RoutingDesk desk;

    @Inject
    Clock clock;

    @Inject
    RoutingSettings routingSettings;

    public Optional<Unavailable> unavailability(String skill) {
        Instant now = clock.instant();
        List<String> teams = (skill == null || skill.equals(routingSettings.defaultSkill())
                ? em.createQuery("SELECT DISTINCT a.team FROM Agent a WHERE a.user.enabled = TRUE", String.class)
                : em.createQuery("SELECT DISTINCT a.team FROM Agent a JOIN a.skills s WHERE KEY(s) = :skill AND a.user.enabled = TRUE", String.class)
                        .setParameter("skill", skill))
                .getResultList();
        Optional<ZonedDateTime> closedUntil = BusinessHours.allClosedUntil(teams.stream().map(this::hours).toList(), now);
        if (closedUntil.isPresent()) {
            return Optional.of(new Unavailable(CLOSED, BusinessHours.describe(closedUntil.get())));
        }
        RoutingPolicy policy = desk.engine().policy();
        // One count, not every online agent as an entity: each came with its account and skills, so with
        // 500 agents online every escalation cost a thousand statements before its offer (ADR 0035).
        jakarta.persistence.TypedQuery<Long> online = em.createQuery("SELECT COUNT(a) FROM Agent a"
                        + " WHERE a.presence = dev.handoff.identity.entity.Presence.ONLINE AND a.user.enabled = TRUE"
                        + " AND a.presenceSeenAt >= :seenSince" + (policy.pilotGroup().isEmpty() ? "" : " AND a.id IN :pilot"), Long.class)
                .setParameter("seenSince", desk.presenceSeenSince(now));
        if (!policy.pilotGroup().isEmpty()) {
            online.setParameter("pilot", policy.pilotGroup());
        }
        boolean anyone = online.getSingleResult() > 0;
        if (!anyone) {
            return Optional.of(new Unavailable(NOBODY_ONLINE, null));
        }
        return desk.engine().waitingCount() >= policy.queueCap() ? Optional.of(new Unavailable(QUEUE_FULL, null)) : Optional.empty();
    }

    /** A team's opening hours: {@code handoff.hours.team.<team>} or else {@code handoff.hours}, in its zone. */
    BusinessHours hours(String team) {
        Config config = ConfigProvider.getConfig();
        String key = team == null || team.isBlank() ? null : "handoff.hours.team." + team.strip().toLowerCase(Locale.ROOT);
        String text = (key == null ? Optional.<String>empty() : config.getOptionalValue(key, String.class))
                .orElseGet(() -> config.getOptionalValue("handoff.hours", String.class).orElse(""));
        String zone = (key == null ? Optional.<String>empty() : config.getOptionalValue(key + ".zone", String.class))
                .orElseGet(() -> config.getOptionalValue("handoff.hours.zone", String.class).orElse("UTC"));
        try {
            return BusinessHours.parse(text, ZoneId.of(zone.strip()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Ignoring unreadable opening hours for team " + team + ": " + e.getMessage());
            return BusinessHours.always(ZoneOffset.UTC);
        }
    }
}
