package dev.handoff.routing.boundary;

/** One change the admin applies to several users at once from the users page (bulk edit). */
public sealed interface AgentEdit {

    /** Maximum concurrent chats, 1..20. */
    record Capacity(int max) implements AgentEdit {}

    /** Adds the skill, or changes its proficiency (1..5). */
    record SetSkill(String skill, int level) implements AgentEdit {}

    /** Removes the skill; agents without it are left as they are. */
    record RemoveSkill(String skill) implements AgentEdit {}

    /** Puts the agents in a team; a blank name takes them out of their team. */
    record Team(String team) implements AgentEdit {}

    /** Signs the agents off for routing (presence offline), e.g. after a shift ended without them signing off. */
    record Offline() implements AgentEdit {}

    /** Enables or disables the accounts (any role); nobody can disable themselves. */
    record Enabled(boolean enabled) implements AgentEdit {}
}
