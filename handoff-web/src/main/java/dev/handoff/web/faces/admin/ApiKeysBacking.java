package dev.handoff.web.faces.admin;

import dev.handoff.access.boundary.ApiKeyService;
import dev.handoff.access.boundary.IssuedKey;
import dev.handoff.access.entity.ApiKey;
import dev.handoff.access.entity.ApiScope;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Backs admin/api-keys.xhtml: issue a key (its secret is shown once), list and revoke keys. */
@Named
@ViewScoped
public class ApiKeysBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiKeyService keys;

    private transient List<Row> rows;
    private String name;
    private ApiScope scope = ApiScope.BOT;
    private String issuedSecret;

    public record Row(long id, String name, String prefix, String scope, Instant createdAt, String createdBy,
            Instant lastUsedAt, Instant revokedAt, boolean revoked) {}

    public List<Row> getRows() {
        if (rows == null) {
            rows = keys.all().stream().map(ApiKeysBacking::row).toList();
        }
        return rows;
    }

    private static Row row(ApiKey k) {
        return new Row(k.getId(), k.getName(), k.getKeyPrefix(), k.getScope().name().toLowerCase(), k.getCreatedAt(),
                k.getCreatedBy(), k.getLastUsedAt(), k.getRevokedAt(), k.isRevoked());
    }

    public void issue() {
        IssuedKey issued = Messages.attempt(() -> keys.issue(name, scope, user()));
        if (issued != null) {
            issuedSecret = issued.secret();
            name = null;
        }
        rows = null;
    }

    public void revoke(long id) {
        if (Messages.attempt(() -> keys.revoke(id, user()))) {
            Messages.info("Key revoked. Calls with it now get 401.");
        }
        issuedSecret = null;
        rows = null;
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public ApiScope[] getScopes() {
        return ApiScope.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ApiScope getScope() {
        return scope;
    }

    public void setScope(ApiScope scope) {
        this.scope = scope;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }
}
