package dev.handoff.widget.entity;

import dev.handoff.platform.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A web site that embeds the chat widget: its public site key, the origins its pages are served
 * from (the only ones the widget API answers), whether the built-in demo bot or an external bot
 * platform answers, its rate limits, and how long a customer waits before being offered a callback
 * or an e-mail answer.
 */
@Entity
@Table(name = "widget_site")
@NamedQuery(name = WidgetSite.FIND_BY_KEY, query = "SELECT s FROM WidgetSite s WHERE s.siteKey = :key")
@NamedQuery(name = WidgetSite.FIND_ALL, query = "SELECT s FROM WidgetSite s ORDER BY s.name")
public class WidgetSite {

    public static final String FIND_BY_KEY = "WidgetSite.findByKey";
    public static final String FIND_ALL = "WidgetSite.findAll";

    public enum BotMode { DEMO, EXTERNAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "site_key", nullable = false, length = 64)
    private String siteKey;

    @Column(name = "allowed_origins", nullable = false, length = 2000)
    private String allowedOrigins;

    @Column(name = "bot_mode", nullable = false, length = 16)
    private String botMode;

    @Column(name = "visitor_per_minute", nullable = false)
    private int visitorPerMinute;

    @Column(name = "site_per_minute", nullable = false)
    private int sitePerMinute;

    @Column(name = "offer_after_seconds", nullable = false)
    private int offerAfterSeconds;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WidgetSite() {}

    public WidgetSite(String name, String siteKey, Instant at) {
        this.name = required(name, "name", 120);
        this.siteKey = required(siteKey, "siteKey", 64);
        this.allowedOrigins = "";
        this.botMode = BotMode.DEMO.name();
        this.visitorPerMinute = 30;
        this.sitePerMinute = 600;
        this.offerAfterSeconds = 180;
        this.enabled = true;
        this.createdAt = at;
    }

    /** Replaces the settings; origins are normalised to {@code scheme://host[:port]} and checked. */
    public void configure(List<String> origins, BotMode mode, int visitorLimit, int siteLimit, int offerAfter, boolean on) {
        StringBuilder joined = new StringBuilder();
        for (String o : origins) {
            String origin = normaliseOrigin(o);
            if (joined.length() > 0) {
                joined.append(' ');
            }
            joined.append(origin);
        }
        if (joined.length() > 2000) {
            throw new InvalidInputException("allowedOrigins", "allowedOrigins are at most 2000 characters together");
        }
        if (visitorLimit < 1 || visitorLimit > 10_000) {
            throw new InvalidInputException("visitorPerMinute", "visitorPerMinute is 1 to 10000");
        }
        if (siteLimit < 1 || siteLimit > 1_000_000) {
            throw new InvalidInputException("sitePerMinute", "sitePerMinute is 1 to 1000000");
        }
        if (offerAfter < 0 || offerAfter > 86_400) {
            throw new InvalidInputException("offerAfterSeconds", "offerAfterSeconds is 0 to 86400");
        }
        this.allowedOrigins = joined.toString();
        this.botMode = (mode == null ? BotMode.DEMO : mode).name();
        this.visitorPerMinute = visitorLimit;
        this.sitePerMinute = siteLimit;
        this.offerAfterSeconds = offerAfter;
        this.enabled = on;
    }

    /** {@code https://Shop.example.com/} becomes {@code https://shop.example.com}; anything but an http(s) origin is refused. */
    public static String normaliseOrigin(String origin) {
        String o = origin == null ? "" : origin.strip().toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        if (!o.matches("https?://[a-z0-9.-]+(:[0-9]{1,5})?")) {
            throw new InvalidInputException("allowedOrigins", "'" + origin + "' is not an origin like https://www.example.com");
        }
        return o;
    }

    public boolean allows(String origin) {
        if (origin == null || allowedOrigins.isBlank()) {
            return false;
        }
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return Arrays.asList(allowedOrigins.split(" ")).contains(o);
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, field + " is at most " + max + " characters");
        }
        return value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSiteKey() {
        return siteKey;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins.isBlank() ? List.of() : List.of(allowedOrigins.split(" "));
    }

    public BotMode getBotMode() {
        return BotMode.valueOf(botMode);
    }

    public int getVisitorPerMinute() {
        return visitorPerMinute;
    }

    public int getSitePerMinute() {
        return sitePerMinute;
    }

    public int getOfferAfterSeconds() {
        return offerAfterSeconds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
