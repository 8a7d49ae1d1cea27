package dev.handoff.platform.events;

/** A chat missed a service level (first response, update, resolution); supervisors and the owner are told live. */
public record SlaBreached(String conversationId, String kind, String owner) {}
