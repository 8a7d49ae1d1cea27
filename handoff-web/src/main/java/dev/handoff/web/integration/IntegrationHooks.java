package dev.handoff.web.integration;

import dev.handoff.integration.boundary.InboundAnswer;
import dev.handoff.integration.boundary.SlackInteractions;
import dev.handoff.integration.boundary.ZendeskInbound;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where vendors call Handoff back, outside the API's keys and the portal's sign-in: each request
 * proves itself with the vendor's signature, checked over the raw body.
 * <ul>
 * <li>{@code POST /hooks/slack/{connector}} — Slack's interactivity requests (the Claim button);</li>
 * <li>{@code POST /hooks/zendesk/{connector}} — Zendesk webhooks with ticket updates.</li>
 * </ul>
 * Bodies over 64 KiB are refused with 413 before anything else.
 */
@WebServlet("/hooks/*")
public class IntegrationHooks extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IntegrationHooks.class.getName());
    static final int MAX_BODY = 64 * 1024;
    static final Pattern PATH = Pattern.compile("/(slack|zendesk)/(\\d{1,18})/?");

    @Inject
    SlackInteractions slack;

    @Inject
    ZendeskInbound zendesk;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            answer(response, new InboundAnswer(404, "no such hook"));
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            answer(response, new InboundAnswer(413, "body too large"));
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            answer(response, new InboundAnswer(413, "body too large"));
            return;
        }
        long connector = Long.parseLong(m.group(2));
        try {
            InboundAnswer a = "slack".equals(m.group(1))
                    ? slack.receive(connector, request.getHeader("X-Slack-Request-Timestamp"), request.getHeader("X-Slack-Signature"), body)
                    : zendesk.receive(connector, request.getHeader("X-Zendesk-Webhook-Signature-Timestamp"),
                            request.getHeader("X-Zendesk-Webhook-Signature"), body);
            answer(response, a);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Inbound " + m.group(1) + " request for connector " + connector + " failed", e);
            answer(response, new InboundAnswer(500, "failed"));
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        answer(response, new InboundAnswer(405, "POST only"));
    }

    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static void answer(HttpServletResponse response, InboundAnswer a) throws IOException {
        response.setStatus(a.status());
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(a.text());
    }
}
