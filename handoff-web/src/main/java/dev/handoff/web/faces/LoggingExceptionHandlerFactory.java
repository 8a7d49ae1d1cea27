package dev.handoff.web.faces;

import dev.handoff.platform.ForbiddenException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a portal request that ends with an exception does, for full-page and live (ajax) requests
 * alike, so a page never turns into a dead end:
 * <ul>
 * <li>an expired view (the page sat open too long, or other tabs pushed it out of the session)
 *     reloads the page the user was on, fresh;</li>
 * <li>a real permission error goes to the permissions page;</li>
 * <li>anything else is logged with a short incident id and the user sees a short message with it.</li>
 * </ul>
 * The pages are under {@code /errors/}, which the server serves (it refuses anything under WEB-INF).
 */
public class LoggingExceptionHandlerFactory extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(LoggingExceptionHandlerFactory.class.getName());

    public LoggingExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExceptionHandlerWrapper(getWrapped().getExceptionHandler()) {
            @Override
            public void handle() {
                FacesContext faces = FacesContext.getCurrentInstance();
                Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                while (faces != null && events.hasNext()) {
                    Throwable e = events.next().getContext().getException();
                    String target = target(faces, e);
                    if (target != null && redirect(faces, target)) {
                        events.remove();
                    }
                }
                super.handle();
            }
        };
    }

    /** Where the browser goes after this exception; logs it. */
    static String target(FacesContext faces, Throwable e) {
        ExternalContext external = faces.getExternalContext();
        String view = faces.getViewRoot() == null ? "?" : faces.getViewRoot().getViewId();
        String user = external.getRemoteUser();
        if (causedBy(e, ViewExpiredException.class)) {
            LOG.fine(() -> "Expired view on " + view + " for " + user + "; reloading the page");
            return sameOrigin(external.getRequestHeaderMap().get("Referer"), external)
                    .orElse(external.getRequestContextPath() + viewOf(e, view));
        }
        if (causedBy(e, ForbiddenException.class) || causedBy(e, jakarta.ejb.EJBAccessException.class)) {
            LOG.info(() -> "Refused on " + view + " for " + user + ": " + rootCause(e).getMessage());
            return external.getRequestContextPath() + "/errors/403.xhtml";
        }
        String incident = incidentId();
        LOG.log(Level.SEVERE, "Portal request failed on " + view + " for " + user + " (incident " + incident + ")", e);
        return external.getRequestContextPath() + "/errors/500.xhtml?incident=" + incident;
    }

    /** An 8-character id the user can quote and support can find in the log. */
    static String incidentId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The page the request came from, if it is one of ours (never an open redirect). */
    static java.util.Optional<String> sameOrigin(String referer, ExternalContext external) {
        if (referer == null || referer.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(external.getRequestServerName())
                    || path == null || !path.startsWith(external.getRequestContextPath() + "/") || path.contains("/errors/")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException bad) {
            return java.util.Optional.empty();
        }
    }

    private static String viewOf(Throwable e, String fallback) {
        Throwable expired = e;
        while (expired != null && !(expired instanceof ViewExpiredException)) {
            expired = expired.getCause();
        }
        String id = expired == null ? null : ((ViewExpiredException) expired).getViewId();
        return id != null ? id : fallback.equals("?") ? "/" : fallback;
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Redirects (a partial-response redirect for ajax); false when the response is already on its way. */
    private static boolean redirect(FacesContext faces, String target) {
        ExternalContext external = faces.getExternalContext();
        if (external.isResponseCommitted()) {
            return false;
        }
        try {
            if (faces.getPartialViewContext().isAjaxRequest()) {
                external.responseReset();
            }
            external.redirect(target);
            faces.responseComplete();
            return true;
        } catch (IOException | IllegalStateException failed) {
            LOG.log(Level.WARNING, "Could not send the browser to " + target, failed);
            return false;
        }
    }
}
