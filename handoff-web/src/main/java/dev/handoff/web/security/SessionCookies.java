package dev.handoff.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's session cookie: {@code HttpOnly} (web.xml), {@code SameSite} from
 * {@code handoff.session.cookie-same-site} ({@code Lax} by default; {@code Strict} also works, not
 * {@code None}) so another site cannot send a signed-in agent's cookie with a form post, and
 * {@code Secure} when {@code handoff.session.cookie-secure=true} (set it when Handoff is served over
 * HTTPS, e.g. behind a TLS proxy, where the server itself only sees plain HTTP).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    static final Set<String> SAME_SITE = Set.of("Lax", "Strict");
    private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        apply(event.getServletContext().getSessionCookieConfig(),
                config.getOptionalValue("handoff.session.cookie-same-site", String.class).orElse("Lax"),
                config.getOptionalValue("handoff.session.cookie-secure", Boolean.class).orElse(false));
    }

    static void apply(SessionCookieConfig cookie, String sameSite, boolean secure) {
        String value = sameSite(sameSite);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", value);
        payaraSameSite(cookie, value);
        if (secure) {
            cookie.setSecure(true);
        }
    }

    /**
     * Payara 6 writes its session cookie from its own {@code WebSessionCookieConfig.getSameSite()}
     * and ignores the Servlet 6 attribute; its public {@code setSameSite(String)} is the way in.
     * Other containers have no such method and use the attribute.
     */
    static void payaraSameSite(SessionCookieConfig cookie, String value) {
        try {
            cookie.getClass().getMethod("setSameSite", String.class).invoke(cookie, value);
        } catch (NoSuchMethodException e) {
            // not Payara: the standard attribute above does it
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not set SameSite=" + value + " on the session cookie", e);
        }
    }

    /** {@code Lax} or {@code Strict}, whatever the case it was written in; anything else is refused at start-up. */
    static String sameSite(String configured) {
        String value = configured == null ? "" : configured.strip().toLowerCase(Locale.ROOT);
        return SAME_SITE.stream().filter(v -> v.toLowerCase(Locale.ROOT).equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "handoff.session.cookie-same-site must be Lax or Strict, not '" + configured + "'"));
    }
}
