package dev.handoff.help.boundary;

import dev.handoff.help.control.ArticleIndex;
import dev.handoff.help.control.DemoBot;
import dev.handoff.help.entity.HelpArticle;
import dev.handoff.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Help articles: managed by admins, searched by meaning for the demo bot, and listed by topic for a
 * customer who waits for a person.
 */
@Stateless
public class HelpCenter {

    @PersistenceContext
    EntityManager em;

    @Inject
    ArticleIndex index;

    @Inject
    Clock clock;

    public record ArticleView(long id, String slug, String title, String body, String topic, boolean published, String summary) {

        static ArticleView of(HelpArticle a) {
            return new ArticleView(a.getId(), a.getSlug(), a.getTitle(), a.getBody(), a.getTopic(), a.isPublished(),
                    ArticleIndex.firstSentences(a.getBody(), 2));
        }
    }

    public List<ArticleView> list() {
        return all().stream().map(ArticleView::of).toList();
    }

    public Optional<ArticleView> find(String slug) {
        return bySlug(slug).map(ArticleView::of);
    }

    /** Creates an article, or edits the one with this slug. */
    public ArticleView save(String slug, String title, String body, String topic, boolean published, String user) {
        String s = HelpArticle.slugOf(slug == null || slug.isBlank() ? title : slug);
        HelpArticle a = bySlug(s).orElse(null);
        if (a == null) {
            a = new HelpArticle(s, title, body, topic, user, clock.instant());
            a.edit(title, body, topic, published, user, clock.instant());
            em.persist(a);
        } else {
            a.edit(title, body, topic, published, user, clock.instant());
        }
        em.flush();
        return ArticleView.of(a);
    }

    public void delete(String slug) {
        HelpArticle a = bySlug(slug).orElseThrow(() -> new NotFoundException("no help article " + slug));
        em.remove(a);
    }

    /** Published articles closest in meaning to {@code question}, best first. */
    public List<ArticleIndex.Hit> search(String question, int max) {
        return index.search(entries(), question, max);
    }

    /** What the demo bot answers to {@code question}. */
    public DemoBot.Answer answer(String question) {
        return DemoBot.answer(question, search(question, 3));
    }

    /** Published articles of a topic (for a waiting customer), at most {@code max}; general ones fill up. */
    public List<ArticleView> forTopic(String topic, int max) {
        List<HelpArticle> published = all().stream().filter(HelpArticle::isPublished).toList();
        List<ArticleView> own = published.stream().filter(a -> a.getTopic().equals(topic)).map(ArticleView::of).toList();
        if (own.size() >= max) {
            return own.subList(0, max);
        }
        List<ArticleView> more = published.stream().filter(a -> !a.getTopic().equals(topic) && a.getTopic().equals("general"))
                .map(ArticleView::of).limit(max - own.size()).toList();
        return java.util.stream.Stream.concat(own.stream(), more.stream()).toList();
    }

    /** First start of the demo: a small help center the demo bot answers from. */
    public void ensureDemoArticles(String user) {
        if (!all().isEmpty()) {
            return;
        }
        for (String[] a : DemoArticles.ARTICLES) {
            save(a[0], a[1], a[3], a[2], true, user);
        }
    }

    private List<ArticleIndex.Entry> entries() {
        return all().stream().filter(HelpArticle::isPublished)
                .map(a -> new ArticleIndex.Entry(a.getId(), a.getVersion(), a.getSlug(), a.getTitle(), a.getBody(), a.getTopic()))
                .toList();
    }

    private List<HelpArticle> all() {
        return em.createNamedQuery(HelpArticle.FIND_ALL, HelpArticle.class).getResultList();
    }

    private Optional<HelpArticle> bySlug(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(HelpArticle.FIND_BY_SLUG, HelpArticle.class).setParameter("slug", slug.strip()).getResultStream().findFirst();
    }
}
