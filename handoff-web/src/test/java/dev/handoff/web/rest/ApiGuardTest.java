package dev.handoff.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiGuardTest {

    /** What a response was given: status, headers, content type, body. */
    private static final class Recorded {
        int status = 200;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean chainCalled;

        JsonObject json() {
            return Json.createReader(new StringReader(body.toString(StandardCharsets.UTF_8))).readObject();
        }
    }

    private final ApiGuard guard = new ApiGuard();

    @AfterEach
    void started() {
        guard.contextInitialized(null);
    }

    private static HttpServletRequest request(String method) {
        return (HttpServletRequest) Proxy.newProxyInstance(ApiGuardTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> m.getName().equals("getMethod") ? method : null);
    }

    private static HttpServletResponse response(Recorded r) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
                r.body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(ApiGuardTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> switch (m.getName()) {
                    case "setStatus" -> {
                        r.status = (Integer) a[0];
                        yield null;
                    }
                    case "setContentType" -> {
                        r.contentType = (String) a[0];
                        yield null;
                    }
                    case "setHeader" -> {
                        r.headers.put((String) a[0], (String) a[1]);
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    case "isCommitted" -> false;
                    default -> null;
                });
    }

    private Recorded run(String method, FilterChain chain) throws Exception {
        Recorded r = new Recorded();
        guard.doFilter(request(method), response(r), (req, res) -> {
            r.chainCalled = true;
            chain.doFilter(req, res);
        });
        return r;
    }

    @Test
    void untilTheApplicationHasStartedTheApiAnswers503ProblemsWithRetryAfter() throws Exception {
        guard.contextDestroyed(null);
        Recorded r = run("GET", (req, res) -> {});
        assertFalse(r.chainCalled);
        assertEquals(503, r.status);
        assertEquals("application/problem+json", r.contentType);
        assertEquals("5", r.headers.get("Retry-After"));
        assertEquals(503, r.json().getInt("status"));
    }

    @Test
    void theSignalToStopEndsReadinessAtOnceAndTheApiAnswers503() throws Exception {
        guard.contextInitialized(null);
        assertTrue(ApiGuard.isReady());
        Thread hook = ApiGuard.stopping;
        assertNotNull(hook, "a shutdown hook is registered at start");
        hook.run(); // what the JVM runs on SIGTERM, before the server takes the application down
        assertFalse(ApiGuard.isReady());
        Recorded r = run("POST", (req, res) -> {});
        assertFalse(r.chainCalled);
        assertEquals(503, r.status);
        assertEquals("5", r.headers.get("Retry-After"));
    }

    @Test
    void anUndeployOrASecondStartLeavesNoHookBehind() {
        guard.contextInitialized(null);
        Thread first = ApiGuard.stopping;
        guard.contextInitialized(null);
        assertFalse(Runtime.getRuntime().removeShutdownHook(first), "the first start's hook was removed at the second");
        Thread second = ApiGuard.stopping;
        guard.contextDestroyed(null);
        assertNull(ApiGuard.stopping);
        assertFalse(Runtime.getRuntime().removeShutdownHook(second), "removed at undeploy");
    }

    @Test
    void unusualMethodsAre405Problems() throws Exception {
        guard.contextInitialized(null);
        for (String method : new String[] {"PROPFIND", "FOO", "TRACE"}) {
            Recorded r = run(method, (req, res) -> {});
            assertFalse(r.chainCalled, method);
            assertEquals(405, r.status, method);
            assertTrue(r.json().getString("type").endsWith("/method-not-allowed"));
        }
        assertTrue(run("GET", (req, res) -> {}).chainCalled);
    }

    @Test
    void theContainersErrorPagesAndFailuresBecomeProblems() throws Exception {
        guard.contextInitialized(null);
        Recorded missing = run("GET", (req, res) -> ((HttpServletResponse) res).sendError(404));
        assertEquals(404, missing.status);
        assertEquals("application/problem+json", missing.contentType);
        assertEquals("There is no such endpoint or resource.", missing.json().getString("detail"));
        Recorded failed = run("POST", (req, res) -> {
            throw new IllegalStateException("org.eclipse.persistence internals");
        });
        assertEquals(500, failed.status);
        assertFalse(failed.body.toString(StandardCharsets.UTF_8).contains("eclipse"));
    }
}
