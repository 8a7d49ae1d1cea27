package dev.handoff.widget.boundary;

import dev.handoff.access.control.KeyMaterial;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.widget.entity.WidgetSite;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The sites that embed the widget: created and configured by admins, looked up by their public site key. */
@Stateless
public class WidgetSiteService {

    public static final String DEMO_SITE = "Demo site";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SiteCache cache;

    public List<SiteView> list() {
        return em.createNamedQuery(WidgetSite.FIND_ALL, WidgetSite.class).getResultStream().map(SiteView::of).toList();
    }

    public Optional<SiteView> byKey(String siteKey) {
        if (siteKey == null || !siteKey.matches("ws_[A-Za-z0-9]{8,60}")) {
            return Optional.empty();
        }
        return em.createNamedQuery(WidgetSite.FIND_BY_KEY, WidgetSite.class).setParameter("key", siteKey).getResultStream().findFirst()
                .map(SiteView::of);
    }

    /** A new site with a fresh key ({@code ws_…}), or with {@code key} when given. */
    public SiteView create(String name, String key, SiteSettings settings) {
        if (list().stream().anyMatch(s -> s.name().equalsIgnoreCase(name == null ? "" : name.strip()))) {
            throw new ConflictException("A site named '" + name + "' exists");
        }
        String siteKey = key != null && !key.isBlank() ? key.strip() : "ws_" + KeyMaterial.newSecret().substring(KeyMaterial.PREFIX.length(), 27);
        if (!siteKey.matches("ws_[A-Za-z0-9]{8,60}")) {
            throw new dev.handoff.platform.InvalidInputException("siteKey", "a site key is ws_ followed by 8 to 60 letters or digits");
        }
        WidgetSite site = new WidgetSite(name, siteKey, clock.instant());
        apply(site, settings);
        em.persist(site);
        em.flush();
        cache.forget(siteKey);
        return SiteView.of(site);
    }

    public SiteView configure(long id, SiteSettings settings) {
        WidgetSite site = em.find(WidgetSite.class, id);
        if (site == null) {
            throw new NotFoundException("no widget site " + id);
        }
        apply(site, settings);
        em.flush();
        cache.forget(site.getSiteKey());
        return SiteView.of(site);
    }

    private static void apply(WidgetSite site, SiteSettings s) {
        site.configure(s.allowedOrigins(), s.botMode(), s.visitorPerMinute(), s.sitePerMinute(), s.offerAfterSeconds(), s.enabled());
    }

    /** The demo's site: the demo bot answers; the page that embeds it is Handoff's own /demo (same origin). */
    public SiteView ensureDemoSite(String key) {
        Optional<SiteView> existing = list().stream().filter(s -> s.name().equals(DEMO_SITE)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        return create(DEMO_SITE, key, new SiteSettings(List.of(), WidgetSite.BotMode.DEMO, 60, 1200, 120, true));
    }
}
