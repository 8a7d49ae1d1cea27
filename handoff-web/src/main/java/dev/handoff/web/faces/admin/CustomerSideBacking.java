package dev.handoff.web.faces.admin;

import dev.handoff.conversation.boundary.CustomerTemplateService;
import dev.handoff.conversation.control.CustomerTexts;
import dev.handoff.help.boundary.HelpCenter;
import dev.handoff.web.faces.Messages;
import dev.handoff.widget.boundary.SiteSettings;
import dev.handoff.widget.boundary.SiteView;
import dev.handoff.widget.boundary.WidgetSiteService;
import dev.handoff.widget.entity.WidgetSite;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Admin &gt; Customer side: the sites that embed the chat widget (key, allowed origins, bot, limits,
 * the wait before the callback choice), the help articles the demo bot answers from and waiting
 * customers read, and the texts customers are sent at each step.
 */
@Named
@ViewScoped
public class CustomerSideBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WidgetSiteService sites;

    @Inject
    HelpCenter help;

    @Inject
    CustomerTemplateService texts;

    // site form
    private Long siteId;
    private String siteName;
    private String origins;
    private String botMode = "demo";
    private int visitorPerMinute = 30;
    private int sitePerMinute = 600;
    private int offerAfterSeconds = 180;
    private boolean enabled = true;
    // article form
    private String slug;
    private String title;
    private String articleBody;
    private String topic;
    private boolean published = true;
    // text form
    private String kind = "transition";
    private String textTopic = "*";
    private String textBody;

    public List<SiteView> getSites() {
        return sites.list();
    }

    public List<HelpCenter.ArticleView> getArticles() {
        return help.list();
    }

    public List<CustomerTemplateService.TemplateRow> getTexts() {
        return texts.list();
    }

    public String getVariables() {
        return String.join(", ", CustomerTexts.VARIABLES);
    }

    public String embedTag(SiteView s) {
        String base = FacesContext.getCurrentInstance().getExternalContext().getRequestScheme() + "://"
                + FacesContext.getCurrentInstance().getExternalContext().getRequestServerName() + ":"
                + FacesContext.getCurrentInstance().getExternalContext().getRequestServerPort()
                + FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return "<script src=\"" + base + "/widget/handoff-widget.js\" data-site-key=\"" + s.siteKey() + "\" async></script>";
    }

    public void editSite(SiteView s) {
        siteId = s.id();
        siteName = s.name();
        origins = String.join(" ", s.allowedOrigins());
        botMode = s.botMode();
        visitorPerMinute = s.visitorPerMinute();
        sitePerMinute = s.sitePerMinute();
        offerAfterSeconds = s.offerAfterSeconds();
        enabled = s.enabled();
    }

    public void newSite() {
        siteId = null;
        siteName = null;
        origins = null;
    }

    public void saveSite() {
        List<String> list = origins == null || origins.isBlank() ? List.of() : Arrays.asList(origins.strip().split("[\\s,]+"));
        SiteSettings settings = new SiteSettings(list, WidgetSite.BotMode.valueOf(botMode.toUpperCase(Locale.ROOT)), visitorPerMinute,
                sitePerMinute, offerAfterSeconds, enabled);
        SiteView saved = Messages.attempt(() -> siteId == null ? sites.create(siteName, null, settings) : sites.configure(siteId, settings));
        if (saved != null) {
            siteId = saved.id();
            Messages.info("Saved site " + saved.name() + ".");
        }
    }

    public void editArticle(HelpCenter.ArticleView a) {
        slug = a.slug();
        title = a.title();
        articleBody = a.body();
        topic = a.topic();
        published = a.published();
    }

    public void saveArticle() {
        HelpCenter.ArticleView saved = Messages.attempt(() -> help.save(slug, title, articleBody, topic, published, user()));
        if (saved != null) {
            slug = saved.slug();
            Messages.info("Saved article " + saved.title() + ".");
        }
    }

    public void deleteArticle(String s) {
        if (Messages.attempt(() -> help.delete(s))) {
            Messages.info("Deleted.");
        }
    }

    public void editText(CustomerTemplateService.TemplateRow t) {
        kind = t.kind();
        textTopic = t.topic();
        textBody = t.body();
    }

    public void saveText() {
        if (Messages.attempt(() -> texts.save(kind, textTopic, textBody, user())) != null) {
            Messages.info("Saved.");
        }
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    // ---- form fields

    public Long getSiteId() { return siteId; }
    public String getSiteName() { return siteName; }
    public void setSiteName(String v) { siteName = v; }
    public String getOrigins() { return origins; }
    public void setOrigins(String v) { origins = v; }
    public String getBotMode() { return botMode; }
    public void setBotMode(String v) { botMode = v; }
    public int getVisitorPerMinute() { return visitorPerMinute; }
    public void setVisitorPerMinute(int v) { visitorPerMinute = v; }
    public int getSitePerMinute() { return sitePerMinute; }
    public void setSitePerMinute(int v) { sitePerMinute = v; }
    public int getOfferAfterSeconds() { return offerAfterSeconds; }
    public void setOfferAfterSeconds(int v) { offerAfterSeconds = v; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean v) { enabled = v; }
    public String getSlug() { return slug; }
    public void setSlug(String v) { slug = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getArticleBody() { return articleBody; }
    public void setArticleBody(String v) { articleBody = v; }
    public String getTopic() { return topic; }
    public void setTopic(String v) { topic = v; }
    public boolean isPublished() { return published; }
    public void setPublished(boolean v) { published = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getTextTopic() { return textTopic; }
    public void setTextTopic(String v) { textTopic = v; }
    public String getTextBody() { return textBody; }
    public void setTextBody(String v) { textBody = v; }
}
