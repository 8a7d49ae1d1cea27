package dev.handoff.metrics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One conversation as the KPI roll-ups know it ({@code metric_conversation}): the dimensions of its
 * cohort (started day, channel, skill, first trigger, team) and what has been counted for it. Written only
 * by the metrics recorder; the dashboards' drill-down lists these rows.
 */
@Entity
@Table(name = "metric_conversation")
public class MetricConversation {

    @Id
    @Column(name = "conversation_id", length = 36)
    private String conversationId;

    @Column(name = "stat_day", nullable = false)
    private LocalDate day;

    @Column(nullable = false, length = 64)
    private String channel;

    @Column(nullable = false, length = 64)
    private String skill = "";

    @Column(name = "trig", nullable = false, length = 120)
    private String trigger = "";

    /** The team of the agent who first accepted it; '' until then (V16). */
    @Column(nullable = false, length = 64)
    private String team = "";

    /** The agent (username) who first accepted it; null until then (V18). */
    @Column(name = "first_agent", length = 64)
    private String firstAgent;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "wait_seconds")
    private Long waitSeconds;

    @Column(name = "predicted_wait_seconds")
    private Long predictedWaitSeconds;

    @Column(length = 64)
    private String agent;

    @Column(length = 16)
    private String outcome;

    @Column(name = "abandoned_wait_seconds")
    private Long abandonedWaitSeconds;

    private Integer csat;

    @Column(name = "csat_human", nullable = false)
    private boolean csatHuman;

    @Column(nullable = false)
    private int transfers;

    @Column(name = "not_needed", nullable = false)
    private boolean notNeeded;

    @Column(nullable = false)
    private int breaches;

    /** Seconds from the escalation to the first message a person wrote in it (V20); null until then. */
    @Column(name = "first_response_seconds")
    private Long firstResponseSeconds;

    /** The agent who owns it now and since when (V21): its open chat-time interval. */
    @Column(length = 64)
    private String owner;

    @Column(name = "owned_since")
    private Instant ownedSince;

    /** Made by the demo history: no conversation is stored behind it. */
    @Column(nullable = false)
    private boolean history;

    protected MetricConversation() {}

    public MetricConversation(String conversationId) {
        this.conversationId = conversationId;
    }

    // Plain accessors: the control layer maps these to and from its Facts.

    public String getConversationId() { return conversationId; }
    public LocalDate getDay() { return day; }
    public void setDay(LocalDate day) { this.day = day; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getSkill() { return skill; }
    public void setSkill(String skill) { this.skill = skill; }
    public String getTrigger() { return trigger; }
    public void setTrigger(String trigger) { this.trigger = trigger; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public void setEscalatedAt(Instant escalatedAt) { this.escalatedAt = escalatedAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public void setAcceptedAt(Instant acceptedAt) { this.acceptedAt = acceptedAt; }
    public Long getWaitSeconds() { return waitSeconds; }
    public void setWaitSeconds(Long waitSeconds) { this.waitSeconds = waitSeconds; }
    public Long getPredictedWaitSeconds() { return predictedWaitSeconds; }
    public void setPredictedWaitSeconds(Long predictedWaitSeconds) { this.predictedWaitSeconds = predictedWaitSeconds; }
    public String getAgent() { return agent; }
    public void setAgent(String agent) { this.agent = agent; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public Long getAbandonedWaitSeconds() { return abandonedWaitSeconds; }
    public void setAbandonedWaitSeconds(Long abandonedWaitSeconds) { this.abandonedWaitSeconds = abandonedWaitSeconds; }
    public Integer getCsat() { return csat; }
    public void setCsat(Integer csat) { this.csat = csat; }
    public boolean isCsatHuman() { return csatHuman; }
    public void setCsatHuman(boolean csatHuman) { this.csatHuman = csatHuman; }
    public int getTransfers() { return transfers; }
    public void setTransfers(int transfers) { this.transfers = transfers; }
    public boolean isNotNeeded() { return notNeeded; }
    public void setNotNeeded(boolean notNeeded) { this.notNeeded = notNeeded; }
    public int getBreaches() { return breaches; }
    public void setBreaches(int breaches) { this.breaches = breaches; }
    public boolean isHistory() { return history; }
    public Long getFirstResponseSeconds() { return firstResponseSeconds; }
    public void setFirstResponseSeconds(Long firstResponseSeconds) { this.firstResponseSeconds = firstResponseSeconds; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public Instant getOwnedSince() { return ownedSince; }
    public void setOwnedSince(Instant ownedSince) { this.ownedSince = ownedSince; }
    public String getFirstAgent() { return firstAgent; }
    public void setFirstAgent(String firstAgent) { this.firstAgent = firstAgent; }
    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team == null ? "" : team; }
}
