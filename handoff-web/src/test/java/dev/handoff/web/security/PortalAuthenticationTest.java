package dev.handoff.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortalAuthenticationTest {

    @Test
    void onlyPagesTheBrowserNavigatedToAreRememberedForAfterSigningIn() {
        assertTrue(PortalAuthentication.isPageRequest("GET", null, "/agent/chat.xhtml"));
        assertFalse(PortalAuthentication.isPageRequest("POST", null, "/agent/chat.xhtml"), "a form post");
        assertFalse(PortalAuthentication.isPageRequest("GET", "partial/ajax", "/agent/chat.xhtml"), "a live refresh");
        assertFalse(PortalAuthentication.isPageRequest("GET", null, "/jakarta.faces.push/inbox"), "a push socket");
        assertFalse(PortalAuthentication.isPageRequest("POST", null, "/agent/heartbeat"), "a heartbeat");
    }

    @Test
    void signingInReturnsOnlyToAPathOfThisApplication() {
        assertTrue(PortalAuthentication.isOwnPath("", "/agent/chat.xhtml?id=42"));
        assertTrue(PortalAuthentication.isOwnPath("/handoff", "/handoff/agent/inbox.xhtml"));
        assertFalse(PortalAuthentication.isOwnPath("/handoff", "/other/agent/inbox.xhtml"));
        assertFalse(PortalAuthentication.isOwnPath("", "//evil.example/agent/inbox.xhtml"));
        assertFalse(PortalAuthentication.isOwnPath("", "/redirect?to=https://evil.example"));
        assertFalse(PortalAuthentication.isOwnPath("", "/\\evil.example"));
        assertFalse(PortalAuthentication.isOwnPath("", "https://evil.example/agent/inbox.xhtml"));
    }
}
