package dev.handoff.metrics.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * H2 only: makes sure a roll-up row exists, in a short transaction of its own, before the caller's
 * MERGE adds to it. H2's MERGE is atomic for an existing row, but two transactions that both find
 * the row missing both insert it and one fails on the primary key. Here a losing insert fails in
 * this small transaction only (as {@code CustomerRegistry} does for customers, ADR 0014), and the
 * caller's MERGE then always updates a committed row under its lock. MariaDB/MySQL do not need this.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RollupRowRegistry {

    private static final Logger LOG = Logger.getLogger(RollupRowRegistry.class.getName());

    @PersistenceContext
    EntityManager em;

    public void ensure(String table, String keyColumns, List<Object> key) {
        String[] keys = keyColumns.split(", ");
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(keyColumns).append(") SELECT CAST(? AS DATE)");
        for (int i = 1; i < keys.length; i++) {
            sql.append(", CAST(? AS VARCHAR(120))");
        }
        sql.append(" FROM (VALUES (0)) WHERE NOT EXISTS (SELECT 1 FROM ").append(table).append(" WHERE ");
        for (int i = 0; i < keys.length; i++) {
            sql.append(i == 0 ? "" : " AND ").append(keys[i]).append(" = ?");
        }
        sql.append(')');
        Query q = em.createNativeQuery(sql.toString());
        int p = 1;
        for (Object k : key) {
            q.setParameter(p++, k);
        }
        for (Object k : key) {
            q.setParameter(p++, k);
        }
        try {
            q.executeUpdate();
        } catch (PersistenceException e) {
            // another transaction inserted it first: the row exists, which is all that is needed
            LOG.log(Level.FINE, "roll-up row inserted concurrently", e);
        }
    }
}
