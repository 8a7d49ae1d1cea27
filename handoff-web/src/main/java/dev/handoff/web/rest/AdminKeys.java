package dev.handoff.web.rest;

import dev.handoff.access.boundary.ApiCaller;
import dev.handoff.access.entity.ApiScope;
import dev.handoff.platform.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The admin endpoints' gate: only admin-scoped API keys pass, and their name is what the audit trail records. */
final class AdminKeys {

    private AdminKeys() {}

    /** The admin key's name, as recorded in histories ("key:&lt;name&gt;"); bot keys are refused. */
    static String caller(ContainerRequestContext request) {
        ApiCaller caller = (ApiCaller) request.getProperty(ApiKeyFilter.CALLER);
        if (caller == null || caller.scope() != ApiScope.ADMIN) {
            throw new ForbiddenException("This endpoint needs an admin-scoped API key (Admin > API keys, scope admin).");
        }
        String name = "key:" + caller.keyName();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
