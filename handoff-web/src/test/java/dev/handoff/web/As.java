package dev.handoff.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;

/**
 * In-container tests call the boundaries as a signed-in portal user: the test's own request (the
 * Arquillian runner's) signs in through the portal's authentication mechanism and identity store,
 * exactly as the login form does, runs the work, and signs out. The boundaries read who calls from
 * the principal (ADR 0023), so a test cannot simply pass a username.
 */
final class As {

    static final String PASSWORD = "handoff-demo";

    private As() {}

    static <T> T call(String username, Callable<T> work) {
        HttpServletRequest request = CDI.current().select(HttpServletRequest.class).get();
        SecurityContext security = CDI.current().select(SecurityContext.class).get();
        AuthenticationStatus status = security.authenticate(request, response(),
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(username, PASSWORD)).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new IllegalStateException("could not sign in as " + username + ": " + status);
        }
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                request.logout();
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void run(String username, ThrowingRunnable work) {
        call(username, () -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A response nobody reads: a sign-in with credentials answers nothing to the browser. */
    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(As.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    Class<?> type = method.getReturnType();
                    if (type == boolean.class) {
                        return false;
                    }
                    if (type == int.class) {
                        return 200;
                    }
                    if (type == long.class) {
                        return 0L;
                    }
                    if (method.getName().equals("toString")) {
                        return "As.response";
                    }
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    if (method.getName().equals("equals")) {
                        return proxy == args[0];
                    }
                    return null;
                });
    }
}
