package dev.handoff.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every answer of the application (portal, API, push): no MIME sniffing, no
 * referrer beyond this origin, no framing by other sites, and a Content-Security-Policy. Pages and
 * API answers are never cached ({@code no-store}: transcripts and customer data); only the static
 * resources (CSS, scripts, images under {@code /jakarta.faces.resource/}) may be.
 *
 * <p>The policy allows inline and evaluated scripts and inline styles because PrimeFaces and Faces
 * need them: every widget is created by an inline {@code <script>}, command links carry
 * {@code onclick} handlers, and Ajax updates run the scripts they bring. Everything else is
 * {@code 'self'}, plugins ({@code object-src}) are off, {@code <base>} cannot point elsewhere and
 * no other site may frame the portal (ADR 0015).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (!isStaticResource(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        chain.doFilter(request, response);
    }

    /** Faces resources (versioned CSS, scripts, images) may be cached; everything else holds someone's data. */
    static boolean isStaticResource(String path) {
        return path.startsWith("/jakarta.faces.resource/") && !path.contains("dynamiccontent");
    }
}
