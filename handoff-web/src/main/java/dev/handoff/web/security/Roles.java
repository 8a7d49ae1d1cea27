package dev.handoff.web.security;

/** The portal's roles, as named in web.xml and the identity store's groups. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String AGENT = "agent";

    private Roles() {}
}
