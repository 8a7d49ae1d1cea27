package dev.handoff.web.rest;

import dev.handoff.access.boundary.ApiCaller;
import dev.handoff.access.entity.ApiScope;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The admin endpoints' gate, bound by {@link AdminKey}: only admin-scoped API keys pass (after
 * {@link ApiKeyFilter} has authenticated the key), others get 403. The key's name is what the audit
 * trail records.
 */
@Provider
@AdminKey
@Priority(Priorities.AUTHORIZATION)
public class AdminKeys implements ContainerRequestFilter {

    static final String ADMIN = "handoff.adminKeyName";

    @Override
    public void filter(ContainerRequestContext request) {
        ApiCaller caller = (ApiCaller) request.getProperty(ApiKeyFilter.CALLER);
        if (caller == null || caller.scope() != ApiScope.ADMIN) {
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                    "This endpoint needs an admin-scoped API key (Admin > API keys, scope admin)."));
            return;
        }
        String name = "key:" + caller.keyName();
        request.setProperty(ADMIN, name.length() > 64 ? name.substring(0, 64) : name);
    }

    /** The admin key's name, as recorded in histories ("key:&lt;name&gt;"), on a request this filter let through. */
    static String caller(ContainerRequestContext request) {
        Object name = request.getProperty(ADMIN);
        if (name == null) {
            throw new IllegalStateException("An admin endpoint is missing @AdminKey");
        }
        return (String) name;
    }
}
