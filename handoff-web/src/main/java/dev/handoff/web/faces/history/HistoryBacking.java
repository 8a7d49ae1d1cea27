package dev.handoff.web.faces.history;

import dev.handoff.history.boundary.HistoryPage;
import dev.handoff.history.boundary.HistoryQuery;
import dev.handoff.history.boundary.HistoryService;
import dev.handoff.routing.boundary.AgentProfiles;
import dev.handoff.web.faces.Messages;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Backs agent/history.xhtml: the conversation search (customer, text, trigger, agent, state, dates
 * in the viewer's own time zone), a page of 25 at a time. Agents find the chats they took part in,
 * supervisors every chat; the boundary decides.
 */
@Named
@ViewScoped
public class HistoryBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;

    @Inject
    HistoryService history;

    @Inject
    AgentProfiles profiles;

    private String customer;
    private String text;
    private String trigger;
    private String agent;
    private String state;
    private LocalDate from;
    private LocalDate to;
    /** The browser's time zone (IANA name), set by the page's script; the date range is read in it. */
    private String zone;
    private int page;
    private transient HistoryPage result;

    public void search() {
        page = 0;
        result = null;
    }

    public void next() {
        page++;
        result = null;
    }

    public void previous() {
        page = Math.max(0, page - 1);
        result = null;
    }

    public HistoryPage getResult() {
        if (result == null) {
            ZoneId z = zone();
            Instant start = from == null ? null : from.atStartOfDay(z).toInstant();
            Instant end = to == null ? null : to.plusDays(1).atStartOfDay(z).toInstant();
            result = Messages.attempt(() -> history.search(new HistoryQuery(customer, text, trigger, agent, state, start, end, page, PAGE_SIZE)));
            if (result == null) {
                result = new HistoryPage(List.of(), 0, page, PAGE_SIZE);
            }
        }
        return result;
    }

    private ZoneId zone() {
        try {
            return zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public List<String> getStates() {
        return HistoryService.states();
    }

    public List<SelectItem> getAgents() {
        return profiles.agents().stream().map(a -> new SelectItem(a.getUsername(), a.getUser().getDisplayName())).toList();
    }

    /** "billing-dispute" → "billing dispute" in the reason column is the store's; this shortens long reasons. */
    public String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public int getPage() {
        return page;
    }
}
