package dev.handoff.integration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A user of another system (a Slack member id) who is this Handoff agent. */
@Entity
@Table(name = "integration_identity")
@IdClass(ExternalIdentity.Key.class)
public class ExternalIdentity {

    @Id
    @Column(name = "connector_id")
    private Long connectorId;

    @Id
    @Column(name = "external_user", length = 64)
    private String externalUser;

    @Column(nullable = false, length = 64)
    private String username;

    protected ExternalIdentity() {}

    public ExternalIdentity(Long connectorId, String externalUser, String username) {
        this.connectorId = Objects.requireNonNull(connectorId);
        this.externalUser = Objects.requireNonNull(externalUser);
        this.username = Objects.requireNonNull(username);
    }

    public Long getConnectorId() {
        return connectorId;
    }

    public String getExternalUser() {
        return externalUser;
    }

    public String getUsername() {
        return username;
    }

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;
        private Long connectorId;
        private String externalUser;

        public Key() {}

        public Key(Long connectorId, String externalUser) {
            this.connectorId = connectorId;
            this.externalUser = externalUser;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(connectorId, k.connectorId) && Objects.equals(externalUser, k.externalUser);
        }

        @Override
        public int hashCode() {
            return Objects.hash(connectorId, externalUser);
        }
    }
}
