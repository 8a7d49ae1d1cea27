package dev.handoff.context.boundary;

import dev.handoff.context.control.CrmConnector;
import dev.handoff.context.control.CrmProfile;
import dev.handoff.context.control.CrmUnavailableException;
import dev.handoff.context.control.CustomerKey;
import dev.handoff.context.control.HubSpotConnector;
import dev.handoff.context.control.HubSpotSettings;
import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.Customer;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills the customer profile from the CRM when a chat is handed over (configured: HubSpot, by
 * {@code handoff.crm.hubspot.token}). Runs after the handoff commits, off the message path; a CRM
 * that is down or slow leaves the profile as the bot platform sent it. CRM values win for the
 * fields the CRM has; the customer is linked to the CRM record for the agent.
 */
@Stateless
public class CrmSync {

    private static final Logger LOG = Logger.getLogger(CrmSync.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<ConversationChanged> conversationChanged;

    @Inject
    @ConfigProperty(name = "handoff.crm.hubspot.token", defaultValue = " ")
    String hubspotToken;

    @Inject
    @ConfigProperty(name = "handoff.crm.hubspot.url", defaultValue = "https://api.hubapi.com")
    String hubspotUrl;

    @Inject
    @ConfigProperty(name = "handoff.crm.hubspot.portal-id", defaultValue = " ")
    String hubspotPortal;

    public boolean configured() {
        return hubspotToken != null && !hubspotToken.isBlank();
    }

    CrmConnector connector() {
        return new HubSpotConnector(new HubSpotSettings(URI.create(hubspotUrl.strip()), hubspotToken.strip(),
                hubspotPortal.isBlank() ? null : hubspotPortal.strip(), null, null, null, null, null, null, null, null));
    }

    /** Looks the conversation's customer up in the CRM (by e-mail, else by external id) and stores what it knows. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void syncFor(String conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null || !configured()) {
            return;
        }
        Customer customer = conversation.getCustomer();
        CustomerKey key = customer.getEmail() != null ? CustomerKey.ofEmail(customer.getEmail()) : CustomerKey.ofExternalId(customer.getExternalId());
        Optional<CrmProfile> found;
        try {
            found = connector().lookup(key);
        } catch (CrmUnavailableException e) {
            LOG.warning(() -> "CRM lookup for conversation " + conversationId + " failed (" + e.getMessage() + "); the profile stays as sent");
            return;
        }
        if (found.isEmpty()) {
            LOG.fine(() -> "No CRM record for the customer of " + conversationId);
            return;
        }
        CrmProfile p = found.get();
        var now = clock.instant();
        customer.updateProfile(blankToNull(p.name()), blankToNull(p.email()), blankToNull(p.tier()),
                p.accountValue() != null && p.accountValue().signum() >= 0 ? p.accountValue() : null, now);
        customer.updateDetails(blankToNull(p.company()), p.renewalDate(), blankToNull(p.notes()), now);
        customer.linkCrm("hubspot", p.crmId(), p.sourceUrl(), blankToNull(p.owner()), now);
        em.flush();
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(),
                conversation.getAssignedAgent() == null ? null : conversation.getAssignedAgent().getUsername()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
