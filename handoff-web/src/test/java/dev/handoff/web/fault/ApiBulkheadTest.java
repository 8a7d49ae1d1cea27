package dev.handoff.web.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.web.health.DatabaseWatch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ApiBulkheadTest {

    /** A response that records status, headers and body. */
    static final class Recorded {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();

        HttpServletResponse response() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> { status = (Integer) args[0]; yield null; }
                        case "setHeader" -> { headers.put((String) args[0], (String) args[1]); yield null; }
                        case "getWriter" -> writer;
                        default -> null;
                    });
        }
    }

    private static final HttpServletRequest REQUEST = (HttpServletRequest) Proxy.newProxyInstance(
            ApiBulkheadTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> null);

    private static ApiBulkhead bulkhead(int places, boolean databaseAvailable) {
        ApiBulkhead bulkhead = new ApiBulkhead();
        bulkhead.configure(places, 50);
        bulkhead.database = new DatabaseWatch() {
            @Override
            public boolean isAvailable() {
                return databaseAvailable;
            }
        };
        return bulkhead;
    }

    @Test
    void aCallBeyondTheBulkheadIsRefusedFastWithRetryAfter() throws Exception {
        ApiBulkhead bulkhead = bulkhead(1, true);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                bulkhead.doFilter(REQUEST, new Recorded().response(), (req, res) -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        inside.await();

        Recorded refused = new Recorded();
        bulkhead.doFilter(REQUEST, refused.response(), (req, res) -> { throw new AssertionError("must not run"); });
        assertEquals(503, refused.status);
        assertEquals("2", refused.headers.get("Retry-After"));
        assertTrue(refused.body.toString().contains("overloaded"), refused.body.toString());

        release.countDown();
        holder.join();
        Recorded after = new Recorded();
        boolean[] ran = {false};
        bulkhead.doFilter(REQUEST, after.response(), (req, res) -> ran[0] = true);
        assertTrue(ran[0], "the place is given back when the call ends");
    }

    @Test
    void whileTheDatabaseIsUnavailableCallsAreRefusedAtOnce() throws Exception {
        Recorded refused = new Recorded();
        bulkhead(10, false).doFilter(REQUEST, refused.response(), (req, res) -> { throw new AssertionError("must not run"); });
        assertEquals(503, refused.status);
        assertEquals(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS), refused.headers.get("Retry-After"));
        assertTrue(refused.body.toString().contains("database-unavailable"), refused.body.toString());
    }
}
