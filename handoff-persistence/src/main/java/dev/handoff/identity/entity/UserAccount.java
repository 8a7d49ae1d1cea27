package dev.handoff.identity.entity;

import dev.handoff.platform.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A person who signs in to the portal. The password is stored as a PBKDF2 hash only. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = UserAccount.FIND_BY_USERNAME, query = "SELECT u FROM UserAccount u WHERE u.username = :username")
@NamedQuery(name = UserAccount.FIND_ALL, query = "SELECT u FROM UserAccount u ORDER BY u.username")
public class UserAccount {

    public static final String FIND_BY_USERNAME = "UserAccount.findByUsername";
    public static final String FIND_ALL = "UserAccount.findAll";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {}

    public UserAccount(String username, String displayName, String passwordHash, Role role, Instant now) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException(
                    "username must be 2-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidInputException("display name is required");
        }
        this.username = username;
        this.displayName = displayName.strip();
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.enabled = true;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void enable() {
        this.enabled = true;
    }

    public void disable() {
        this.enabled = false;
    }

    public void rename(String newDisplayName) {
        if (newDisplayName == null || newDisplayName.isBlank()) {
            throw new InvalidInputException("display name is required");
        }
        this.displayName = newDisplayName.strip();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** The stored hash ({@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>}); never the password. */
    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
