package dev.handoff.integration.control;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server playing a vendor for the driver tests: records each request (the path with
 * its query, if any) in {@code seen} and answers with what the script returns.
 */
final class LocalVendor implements AutoCloseable {

    private final HttpServer server;

    /** Listens on {@code port} (0: any free port). */
    LocalVendor(int port, List<DriversTest.Seen> seen, Function<DriversTest.Seen, DriversTest.Answer> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", ex -> {
            String query = ex.getRequestURI().getRawQuery();
            DriversTest.Seen s = new DriversTest.Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                    Map.copyOf(ex.getRequestHeaders()), new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            seen.add(s);
            DriversTest.Answer a = script.apply(s);
            byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            a.headers().forEach(ex.getResponseHeaders()::set);
            ex.sendResponseHeaders(a.status(), b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A test class that plays one vendor per test: {@code serve} starts it, it stops after each test. */
    abstract static class Test {

        private LocalVendor server;
        final List<DriversTest.Seen> seen = new CopyOnWriteArrayList<>();

        /** The port to listen on; any free one unless a test says otherwise. */
        int port() {
            return 0;
        }

        String serve(Function<DriversTest.Seen, DriversTest.Answer> script) throws Exception {
            server = new LocalVendor(port(), seen, script);
            return server.url();
        }

        @org.junit.jupiter.api.AfterEach
        void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
