package dev.handoff.identity.entity;

import java.util.Locale;

/** Portal roles. The lower-case name is the Jakarta Security group and the web.xml role. */
public enum Role {
    ADMIN,
    SUPERVISOR,
    AGENT;

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
