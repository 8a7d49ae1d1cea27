package dev.handoff.web.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@value #MAX_BODY_BYTES} bytes with 413, declared length or not; the
 * admin endpoints (trigger sets and labelled suites as files) allow {@value #MAX_ADMIN_BODY_BYTES}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimits implements ContainerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int MAX_ADMIN_BODY_BYTES = 2 * 1024 * 1024;
    static final long DRAIN_LIMIT = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        String path = request.getUriInfo().getPath();
        int limit = (path.startsWith("/") ? path.substring(1) : path).startsWith("admin/") ? MAX_ADMIN_BODY_BYTES : MAX_BODY_BYTES;
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                long length = Long.parseLong(declared.strip());
                if (length > limit) {
                    tooLarge(request, limit, length <= DRAIN_LIMIT && drain(request.getEntityStream()));
                    return;
                }
            } catch (NumberFormatException e) {
                request.abortWith(Problem.response(Response.Status.BAD_REQUEST, "invalid-request", "Invalid Content-Length",
                        "The Content-Length header is not a number."));
                return;
            }
        }
        InputStream in = request.getEntityStream();
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            tooLarge(request, limit, drain(in));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /**
     * Reads and discards what is left of a refused body (up to {@value #DRAIN_LIMIT} bytes), so a
     * client still sending it can finish and read the 413 instead of stalling on a full socket.
     */
    private static boolean drain(InputStream in) {
        try {
            long skipped = 0;
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                skipped += n;
                if (skipped > DRAIN_LIMIT) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Answers 413; a body too big to drain also gets the connection closed after the answer. */
    private static void tooLarge(ContainerRequestContext request, int limit, boolean drained) {
        Response problem = Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large", "Request body too large",
                "Request bodies are limited to " + limit + " bytes" + (limit == MAX_BODY_BYTES ? "; a message's text to 4000 characters." : "."));
        request.abortWith(drained ? problem : Response.fromResponse(problem).header("Connection", "close").build());
    }
}
