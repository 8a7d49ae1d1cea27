package dev.handoff.context.boundary;

import dev.handoff.context.control.ExtractiveSummarizer;
import dev.handoff.context.control.FactExtractor;
import dev.handoff.context.control.LlmSettings;
import dev.handoff.context.control.OpenAiCompatibleSummarizer;
import dev.handoff.context.control.Summary;
import dev.handoff.context.control.SummaryRequest;
import dev.handoff.context.control.TranscriptLine;
import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.control.ContextCapture;
import dev.handoff.conversation.control.Fact;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.ContextFact;
import dev.handoff.conversation.entity.HandoffContext;
import dev.handoff.conversation.entity.Message;
import dev.handoff.conversation.entity.PageVisit;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Captures the context package when a chat is handed to a person: the built-in summary (offline,
 * milliseconds, inside the escalation's transaction so the offer never arrives without one), the
 * facts found in the transcript and the pages visited. When an OpenAI-compatible endpoint is
 * configured, a better summary is asked for after the handoff commits, off the message path; any
 * failure keeps the built-in one.
 *
 * <p>The conversation reaches {@link #capture} and {@link #refresh} through its port
 * {@link ContextCapture} (ADR 0047); the bean keeps its no-interface view for everything else.
 */
@Stateless
@LocalBean
@Local(ContextCapture.class)
public class ContextService implements ContextCapture {

    private static final Logger LOG = Logger.getLogger(ContextService.class.getName());
    static final int MAX_FACTS = 24;
    static final int MAX_PAGES = 10;
    static final int CONTEXT_MESSAGES = 500;

    @Resource
    SessionContext session;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<ConversationChanged> conversationChanged;

    @Inject
    @ConfigProperty(name = "handoff.summarizer.llm.url", defaultValue = " ")
    String llmUrl;

    @Inject
    @ConfigProperty(name = "handoff.summarizer.llm.api-key", defaultValue = " ")
    String llmKey;

    @Inject
    @ConfigProperty(name = "handoff.summarizer.llm.model", defaultValue = "gpt-4o-mini")
    String llmModel;

    @Inject
    @ConfigProperty(name = "handoff.summarizer.llm.timeout-seconds", defaultValue = "10")
    int llmTimeoutSeconds;

    private final FactExtractor facts = new FactExtractor();
    private final ExtractiveSummarizer builtin = new ExtractiveSummarizer();

    /** Builds and stores the context of a conversation being escalated; {@code messages} is its transcript so far. */
    @Override
    public HandoffContext capture(Conversation conversation, List<Message> messages, List<String> reasons) {
        List<TranscriptLine> lines = lines(messages);
        HandoffContext context = Optional.ofNullable(em.find(HandoffContext.class, conversation.getId()))
                .orElseGet(() -> {
                    HandoffContext created = new HandoffContext(conversation.getId(), clock.instant());
                    em.persist(created);
                    return created;
                });
        Summary summary = builtin.summarize(new SummaryRequest(lines, reasons, conversation.getCustomer().getName()));
        context.summarised(summary.text(), summary.source(), llmConfigured() ? "an AI summary has been requested" : null);
        context.replaceFacts(facts.extract(lines).stream().limit(MAX_FACTS)
                .map(f -> new ContextFact(f.kind().name(), f.value(), f.normalized(), f.line())).toList());
        context.replacePages(pages(conversation, messages));
        return context;
    }

    /**
     * Keeps the facts and the page trail current while the chat waits or is being worked (the summary
     * stays the one written at the handoff). Cheap: regular expressions over the transcript.
     */
    @Override
    public void refresh(Conversation conversation, List<Message> messages) {
        HandoffContext context = em.find(HandoffContext.class, conversation.getId());
        if (context == null) {
            return;
        }
        context.replaceFacts(facts.extract(lines(messages)).stream().limit(MAX_FACTS)
                .map(f -> new ContextFact(f.kind().name(), f.value(), f.normalized(), f.line())).toList());
        context.replacePages(pages(conversation, messages));
    }

    public boolean llmConfigured() {
        return llmUrl != null && !llmUrl.isBlank();
    }

    /**
     * Asks the configured LLM for a summary and keeps it unless the call failed. Runs on its own
     * thread outside any transaction (the call may take seconds); the result is stored in a short
     * transaction of its own, on a fresh read, so facts refreshed meanwhile are not overwritten.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void refineWithLlm(String conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null || !llmConfigured()) {
            return;
        }
        List<Message> messages = em.createNamedQuery(Message.FIND_AFTER, Message.class)
                .setParameter("conversationId", conversationId).setParameter("after", 0).setMaxResults(CONTEXT_MESSAGES).getResultList();
        List<String> reasons = conversation.getEscalationReason() == null ? List.of() : List.of(conversation.getEscalationReason());
        LlmSettings settings = new LlmSettings(java.net.URI.create(llmUrl.strip()), llmKey.isBlank() ? null : llmKey.strip(), llmModel,
                Duration.ofSeconds(2), Duration.ofSeconds(Math.max(1, llmTimeoutSeconds)));
        Summary summary = new OpenAiCompatibleSummarizer(settings)
                .summarize(new SummaryRequest(lines(messages), reasons, conversation.getCustomer().getName()));
        if (summary.fellBack()) {
            LOG.warning(() -> "AI summary for " + conversationId + " failed (" + summary.fallbackReason() + "); the built-in one stays");
        }
        ContextService self = session.getBusinessObject(ContextService.class);
        for (int attempt = 1; ; attempt++) {
            try {
                self.storeRefinedSummary(conversationId, summary);
                return;
            } catch (EJBException e) {
                if (attempt >= 3) {
                    LOG.log(java.util.logging.Level.WARNING, "Could not store the AI summary of " + conversationId, e);
                    return;
                }
            }
        }
    }

    /** Stores an LLM summary (or notes why there is none) on a fresh read of the context. */
    public void storeRefinedSummary(String conversationId, Summary summary) {
        HandoffContext context = em.find(HandoffContext.class, conversationId);
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (context == null || conversation == null) {
            return;
        }
        // The summary's columns only, without the row's version: a customer's post refreshing the facts
        // and pages of the same context at this moment must not fail on an optimistic lock (it did: a
        // 500 on the customer's message). The values are bounded as the entity bounds them.
        HandoffContext values = new HandoffContext(conversationId, context.getCapturedAt());
        if (summary.fellBack()) {
            values.summarised(context.getSummary(), context.getSummarySource(), "AI summary unavailable: " + summary.fallbackReason());
        } else {
            values.summarised(summary.text(), summary.source(), null);
        }
        em.createQuery("UPDATE HandoffContext x SET x.summary = :summary, x.summarySource = :source, x.summaryNote = :note"
                        + " WHERE x.conversationId = :id")
                .setParameter("summary", values.getSummary()).setParameter("source", values.getSummarySource())
                .setParameter("note", values.getSummaryNote()).setParameter("id", conversationId)
                .executeUpdate();
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(),
                conversation.getAssignedAgent() == null ? null : conversation.getAssignedAgent().getUsername()));
    }

    static List<TranscriptLine> lines(List<Message> messages) {
        return messages.stream()
                .map(m -> new TranscriptLine(TranscriptLine.Author.of(m.getAuthor().name()), m.getText(), m.getCreatedAt()))
                .toList();
    }

    /** The distinct pages in the order visited (the current page last), at most {@value #MAX_PAGES}. */
    static List<PageVisit> pages(Conversation conversation, List<Message> messages) {
        List<PageVisit> pages = new ArrayList<>();
        String last = null;
        if (conversation.getEntryPageUrl() != null) {
            pages.add(new PageVisit(conversation.getEntryPageUrl(), conversation.getEntryPageTitle(), conversation.getCreatedAt()));
            last = conversation.getEntryPageUrl();
        }
        for (Message m : messages) {
            if (m.getPageUrl() != null && !m.getPageUrl().equals(last)) {
                pages.add(new PageVisit(m.getPageUrl(), null, m.getCreatedAt()));
                last = m.getPageUrl();
            }
        }
        if (conversation.getPageUrl() != null) {
            if (Objects.equals(last, conversation.getPageUrl())) {
                PageVisit current = pages.remove(pages.size() - 1);
                pages.add(new PageVisit(current.getUrl(), conversation.getPageTitle(), current.getSeenAt()));
            } else {
                pages.add(new PageVisit(conversation.getPageUrl(), conversation.getPageTitle(), conversation.getCreatedAt()));
            }
        }
        return pages.size() > MAX_PAGES ? new ArrayList<>(pages.subList(pages.size() - MAX_PAGES, pages.size())) : pages;
    }
}
