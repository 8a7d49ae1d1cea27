package dev.handoff.web.rest;

import dev.handoff.access.boundary.ApiCaller;
import dev.handoff.access.boundary.ApiKeyService;
import dev.handoff.access.control.KeyCache;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Every API call needs {@code Authorization: Bearer <key>} with a key that exists and is not
 * revoked. The secret is hashed and looked up (answered from a cache of a few seconds, see
 * {@link ApiKeyService#authenticate}); it is never logged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    public static final String CALLER = "handoff.apiCaller";
    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeyService keys;

    @Override
    public void filter(ContainerRequestContext request) {
        if (dev.handoff.web.widget.WidgetFilter.isWidgetPath(request)) {
            return; // the widget API is public: site key, origin and visitor token instead (WidgetFilter)
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            abort(request, "Missing API key", "Send the key as 'Authorization: Bearer <api key>'.");
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            abort(request, "Unsupported authorization", "Use the Bearer scheme: 'Authorization: Bearer <api key>'.");
            return;
        }
        Optional<KeyCache.Known> key = keys.authenticate(header.substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            abort(request, "Invalid API key", "The API key is not known. Check it, or ask an admin for a new one.");
            return;
        }
        if (key.get().revoked()) {
            abort(request, "Revoked API key", "This API key was revoked by an admin. Ask for a new one.");
            return;
        }
        request.setProperty(CALLER, new ApiCaller(key.get().keyId(), key.get().keyName(), key.get().scope()));
    }

    private static void abort(ContainerRequestContext request, String title, String detail) {
        Response problem = Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", title, detail);
        request.abortWith(Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"handoff\"").build());
    }
}
