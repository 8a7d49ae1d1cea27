package dev.handoff.web.widget;

import dev.handoff.web.rest.Problem;
import dev.handoff.widget.boundary.SiteCache;
import dev.handoff.widget.boundary.SiteView;
import dev.handoff.widget.boundary.WidgetSiteService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gate of the public widget API ({@code /api/v1/widget/{siteKey}/…}): the site key must name
 * an enabled site; a browser page must come from one of the site's origins (or Handoff's own, for
 * /demo), otherwise 403 and no CORS headers, so the browser blocks the page; preflights are
 * answered here; and each visitor and each site has a rate limit per minute (429 with
 * {@code Retry-After}). Every refusal is {@code application/problem+json}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class WidgetFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String SITE = "handoff.widget.site";
    public static final String TOKEN_HEADER = "X-Visitor-Token";
    static final String ALLOWED_ORIGIN = "handoff.widget.origin";

    @Inject
    SiteCache cache;

    @Inject
    WidgetSiteService sites;

    @Inject
    WidgetRateLimits limits;

    @Inject
    @ConfigProperty(name = "handoff.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @Context
    HttpServletRequest servletRequest;

    public static boolean isWidgetPath(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return (path.startsWith("/") ? path.substring(1) : path).startsWith("widget/");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isWidgetPath(request)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        String[] parts = (path.startsWith("/") ? path.substring(1) : path).split("/");
        String key = parts.length > 1 ? parts[1] : "";
        String origin = request.getHeaderString("Origin");
        boolean sameOrigin = origin != null && (origin.equalsIgnoreCase(originOf(request.getUriInfo().getBaseUri()))
                || origin.equalsIgnoreCase(originOf(URI.create(publicUrl))));
        Optional<SiteView> site = cache.get(key, sites::byKey).filter(SiteView::enabled);
        if (site.isEmpty()) {
            if (origin != null) {
                request.setProperty(ALLOWED_ORIGIN, origin);
            }
            request.abortWith(Problem.response(Response.Status.UNAUTHORIZED, "invalid-site-key", "Invalid site key",
                    "The site key in the widget's script tag (data-site-key) is not known, or the site is switched off. "
                            + "An admin finds the key under Admin > Customer side."));
            return;
        }
        if (origin != null && !sameOrigin && !site.get().allows(origin)) {
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, "origin-not-allowed", "Origin not allowed",
                    "Pages from " + origin.strip() + " may not use this site's widget. An admin adds the origin to the site's "
                            + "allowed origins under Admin > Customer side."));
            return;
        }
        if (origin != null) {
            request.setProperty(ALLOWED_ORIGIN, origin);
        }
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            request.abortWith(Response.noContent().build());
            return;
        }
        String token = request.getHeaderString(TOKEN_HEADER);
        if (token == null) {
            token = request.getUriInfo().getQueryParameters().getFirst("token");
        }
        String visitor = token != null && !token.isBlank() ? "t:" + token.strip() : "a:" + remoteAddress();
        SiteView s = site.get();
        Optional<WidgetRateLimits.Refusal> refused = limits.admit(s.siteKey(), visitor, s.visitorPerMinute(), s.sitePerMinute(),
                System.currentTimeMillis());
        if (refused.isPresent()) {
            WidgetRateLimits.Refusal r = refused.get();
            String detail = "visitor".equals(r.who())
                    ? "Too many requests from this chat (at most " + r.limit() + " a minute). Wait " + r.retryAfterSeconds() + " s and try again."
                    : "This site's chat widget is getting too many requests (at most " + r.limit() + " a minute). Wait "
                            + r.retryAfterSeconds() + " s and try again.";
            request.abortWith(Response.fromResponse(Problem.response(429, "rate-limited", "Too many requests", detail, null))
                    .header("Retry-After", Long.toString(r.retryAfterSeconds())).build());
            return;
        }
        request.setProperty(SITE, s);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object origin = request.getProperty(ALLOWED_ORIGIN);
        if (origin == null) {
            return;
        }
        response.getHeaders().putSingle("Access-Control-Allow-Origin", origin.toString());
        response.getHeaders().add("Vary", "Origin");
        response.getHeaders().putSingle("Access-Control-Expose-Headers", "Retry-After, Location");
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            response.getHeaders().putSingle("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            response.getHeaders().putSingle("Access-Control-Allow-Headers", "Content-Type, " + TOKEN_HEADER);
            response.getHeaders().putSingle("Access-Control-Max-Age", "600");
        }
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    static String originOf(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
