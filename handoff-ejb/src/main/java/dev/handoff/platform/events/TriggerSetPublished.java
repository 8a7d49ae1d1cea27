package dev.handoff.platform.events;

/** A trigger-set version went live; engines reload it after the commit. */
public record TriggerSetPublished(int versionNo) {}
