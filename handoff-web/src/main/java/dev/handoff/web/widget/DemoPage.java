package dev.handoff.web.widget;

import dev.handoff.widget.boundary.SiteView;
import dev.handoff.widget.boundary.WidgetSiteService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /demo}: a sample product page that embeds the chat widget with one script tag, answered by
 * the built-in demo bot, so the handoff can be seen as a customer sees it. Agents take the chat in
 * the portal in another window.
 */
@WebServlet(urlPatterns = "/demo")
public class DemoPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    WidgetSiteService sites;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<SiteView> demo = sites.list().stream().filter(s -> s.name().equals(WidgetSiteService.DEMO_SITE)).findFirst();
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/html");
        if (demo.isEmpty()) {
            response.setStatus(404);
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Demo off</title></head><body><h1>The demo is off</h1>"
                    + "<p>Start Handoff with demo data (HANDOFF_DEMO_ENABLED=true) to get the demo site.</p></body></html>");
            return;
        }
        String context = request.getContextPath();
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        response.getWriter().write(page(context, origin + context, demo.get().siteKey()));
    }

    static String page(String context, String absolute, String siteKey) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Acme Cloud - Help center (Handoff demo)</title>
                  <link rel="icon" href="%1$s/resources/favicon.svg">
                  <style>
                    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2433; background: #fafbfd; }
                    .top { background: #111a33; color: #fff; padding: 14px 24px; display: flex; gap: 24px; align-items: center; }
                    .top strong { font-size: 20px; } .top a { color: #c9d4ff; text-decoration: none; }
                    main { max-width: 760px; margin: 0 0 0 max(24px, 6vw); padding: 24px; }
                    .note { background: #eef2ff; border: 1px solid #cfd8fb; border-radius: 10px; padding: 12px 16px; }
                    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin-top: 20px; }
                    .card { background: #fff; border: 1px solid #e2e6ef; border-radius: 10px; padding: 14px; }
                    .card h3 { margin: 0 0 6px; font-size: 16px; }
                    code { background: #f0f2f7; padding: 1px 5px; border-radius: 4px; font-size: 14px; }
                  </style>
                </head>
                <body>
                  <header class="top"><strong>Acme Cloud</strong><a href="#">Product</a><a href="#">Pricing</a><a href="#">Help center</a></header>
                  <main>
                    <h1>How can we help?</h1>
                    <p class="note" id="demo-note">This is Handoff's demo: a sample help page with the chat widget, answered by the built-in demo bot
                      from the help articles. Open the chat at the bottom right and ask a question - or ask for a person, or complain about a
                      double charge. To answer as an agent, sign in to the <a href="%1$s/">portal</a> in another window
                      (<code>alice</code> / <code>handoff-demo</code> for billing).</p>
                    <div class="cards">
                      <div class="card"><h3>Billing</h3>Invoices, refunds, payment methods, double charges.</div>
                      <div class="card"><h3>Your account</h3>Passwords, two-factor sign-in, team invitations.</div>
                      <div class="card"><h3>The product</h3>Exports, mobile sync, plans.</div>
                    </div>
                    <p>The widget is embedded with one tag:<br><code>&lt;script src="%3$s/widget/handoff-widget.js" data-site-key="%2$s" async&gt;&lt;/script&gt;</code></p>
                  </main>
                  <script src="%1$s/widget/handoff-widget.js" data-site-key="%2$s" data-title="Acme support" async></script>
                </body>
                </html>
                """.formatted(context, siteKey, absolute.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;"));
    }
}
