package dev.handoff.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void onlyFacesResourcesMayBeCached() {
        assertTrue(SecurityHeaders.isStaticResource("/jakarta.faces.resource/css/handoff.css.xhtml"));
        assertFalse(SecurityHeaders.isStaticResource("/agent/chat.xhtml"));
        assertFalse(SecurityHeaders.isStaticResource("/api/v1/conversations/x/messages"));
        assertFalse(SecurityHeaders.isStaticResource("/jakarta.faces.resource/dynamiccontent.properties.xhtml"));
    }

    @Test
    void thePolicyKeepsFramingPluginsAndBaseToThisOrigin() {
        String csp = SecurityHeaders.CONTENT_SECURITY_POLICY;
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        assertTrue(csp.contains("base-uri 'self'"), csp);
        assertTrue(csp.contains("default-src 'self'"), csp);
    }

    @Test
    void sameSiteIsLaxOrStrict() {
        assertEquals("Lax", SessionCookies.sameSite("lax"));
        assertEquals("Strict", SessionCookies.sameSite(" STRICT "));
        assertThrows(IllegalArgumentException.class, () -> SessionCookies.sameSite("None"));
        assertThrows(IllegalArgumentException.class, () -> SessionCookies.sameSite(""));
    }
}
