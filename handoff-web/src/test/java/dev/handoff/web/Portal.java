package dev.handoff.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without a browser: one portal session over plain HTTP (cookies, the login form, pages). */
public final class Portal {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String base;

    public Portal(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET());
    }

    /** Fills in and submits the login form; a redirect (302/303) means signed in, 200 shows the form again with a message. */
    public HttpResponse<String> login(String username, String password) {
        HttpResponse<String> page = get("/login.xhtml");
        Matcher state = VIEW_STATE.matcher(page.body());
        if (!state.find()) {
            throw new IllegalStateException("no view state on the login page: " + page.body());
        }
        String form = "login=login&login%3Ausername=" + encode(username) + "&login%3Apassword=" + encode(password)
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + encode(state.group(1));
        return send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The session cookie as a {@code Cookie} header value, or null before there is one. */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::toString).findFirst().orElse(null);
    }

    public String base() {
        return base;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
