package dev.handoff.metrics.control;

import dev.handoff.platform.Database;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Adds deltas to the roll-up tables and reads them back. Each row is changed by one statement that
 * adds to the stored counters in the database ({@code c = c + ?}), never read-modify-write in Java:
 * on MariaDB/MySQL {@code INSERT … ON DUPLICATE KEY UPDATE}, on H2 {@code MERGE … USING}. The row
 * stays locked until the caller's transaction ends, so concurrent transactions add up exactly; rows
 * are written in key order (see {@link Deltas}).
 */
@Dependent
public class RollupStore {

    private static final String KEY_COLUMNS = "stat_day, skill, channel, trig, team";
    private static final String TRIGGER_KEY_COLUMNS = "stat_day, trig, skill, channel";
    private static final String AGENT_KEY_COLUMNS = "stat_day, agent";

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Inject
    RollupRowRegistry registry;

    public void add(Deltas deltas) {
        boolean h2 = database.isEmbedded();
        deltas.daily().forEach((k, v) -> upsert("metric_daily", KEY_COLUMNS, List.of(Date.valueOf(k.day()), k.skill(), k.channel(), k.trigger(), k.team()),
                columns(v), values(v), h2));
        deltas.agents().forEach((k, v) -> upsert("metric_agent_daily", AGENT_KEY_COLUMNS, List.of(Date.valueOf(k.day()), k.agent()),
                columns(v), values(v), h2));
        deltas.occupancy().forEach((k, v) -> upsert("metric_occupancy_daily", AGENT_KEY_COLUMNS, List.of(Date.valueOf(k.day()), k.agent()),
                occupancyColumns(v), occupancyValues(v), h2));
        deltas.triggers().forEach((k, v) -> upsert("metric_trigger_daily", TRIGGER_KEY_COLUMNS,
                List.of(Date.valueOf(k.day()), k.trigger(), k.skill(), k.channel()), List.of("fired", "not_needed"), List.of(v[0], v[1]), h2));
    }

    private static List<String> columns(long[] v) {
        List<String> names = new ArrayList<>();
        for (Counter c : Counter.values()) {
            if (v[c.ordinal()] != 0) {
                names.add(c.column());
            }
        }
        return names;
    }

    private static List<String> occupancyColumns(long[] v) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                names.add(Occupancy.COLUMNS.get(i));
            }
        }
        return names;
    }

    private static List<Long> occupancyValues(long[] v) {
        List<Long> values = new ArrayList<>();
        for (long x : v) {
            if (x != 0) {
                values.add(x);
            }
        }
        return values;
    }

    private static List<Long> values(long[] v) {
        List<Long> values = new ArrayList<>();
        for (Counter c : Counter.values()) {
            if (v[c.ordinal()] != 0) {
                values.add(v[c.ordinal()]);
            }
        }
        return values;
    }

    private void upsert(String table, String keyColumns, List<Object> key, List<String> columns, List<Long> values, boolean h2) {
        if (columns.isEmpty()) {
            return;
        }
        if (h2) {
            registry.ensure(table, keyColumns, key);
        }
        Query q = em.createNativeQuery(h2 ? mergeSql(table, keyColumns, columns) : upsertSql(table, keyColumns, columns));
        int i = 1;
        for (Object k : key) {
            q.setParameter(i++, k);
        }
        for (Long value : values) {
            q.setParameter(i++, value);
        }
        q.executeUpdate();
    }

    /** MariaDB / MySQL: one atomic statement; an existing row is locked and added to. */
    static String upsertSql(String table, String keyColumns, List<String> columns) {
        StringJoiner names = new StringJoiner(", ", keyColumns + ", ", "");
        StringJoiner marks = new StringJoiner(", ", "?, ".repeat(keyColumns.split(", ").length), "");
        StringJoiner updates = new StringJoiner(", ");
        for (String c : columns) {
            names.add(c);
            marks.add("?");
            updates.add(c + " = " + c + " + VALUES(" + c + ")");
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ") ON DUPLICATE KEY UPDATE " + updates;
    }

    /** H2: MERGE with the same effect. */
    static String mergeSql(String table, String keyColumns, List<String> columns) {
        String[] keys = keyColumns.split(", ");
        StringJoiner select = new StringJoiner(", ");
        select.add("CAST(? AS DATE) " + keys[0]);
        for (int i = 1; i < keys.length; i++) {
            select.add("CAST(? AS VARCHAR(120)) " + keys[i]);
        }
        StringJoiner on = new StringJoiner(" AND ");
        for (String k : keys) {
            on.add("t." + k + " = s." + k);
        }
        StringJoiner set = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ", keyColumns + ", ", "");
        StringJoiner sources = new StringJoiner(", ");
        for (String k : keys) {
            sources.add("s." + k);
        }
        for (String c : columns) {
            select.add("CAST(? AS BIGINT) " + c);
            set.add(c + " = t." + c + " + s." + c);
            names.add(c);
            sources.add("s." + c);
        }
        return "MERGE INTO " + table + " t USING (SELECT " + select + ") s ON (" + on + ") WHEN MATCHED THEN UPDATE SET " + set
                + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES (" + sources + ")";
    }

    /** The {@code metric_daily} rows from {@code from} to {@code to}, optionally of one channel. */
    @SuppressWarnings("unchecked")
    public List<Measures.Row> daily(LocalDate from, LocalDate to) {
        StringJoiner cols = new StringJoiner(", ");
        for (Counter c : Counter.values()) {
            cols.add(c.column());
        }
        List<Object[]> rows = em.createNativeQuery("SELECT " + KEY_COLUMNS + ", " + cols + " FROM metric_daily WHERE stat_day BETWEEN ? AND ?")
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to))
                .getResultList();
        List<Measures.Row> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long[] counters = new long[Counter.SIZE];
            for (int i = 0; i < counters.length; i++) {
                counters[i] = r[5 + i] == null ? 0 : ((Number) r[5 + i]).longValue();
            }
            out.add(new Measures.Row(new RollupKey(day(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4]), counters));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public List<Measures.TriggerRow> triggers(LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + TRIGGER_KEY_COLUMNS + ", fired, not_needed FROM metric_trigger_daily WHERE stat_day BETWEEN ? AND ?")
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to))
                .getResultList();
        List<Measures.TriggerRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Measures.TriggerRow(new TriggerKey(day(r[0]), (String) r[1], (String) r[2], (String) r[3]),
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue()));
        }
        return out;
    }

    /**
     * The {@code metric_agent_daily} rows from {@code from} to {@code to}: of one agent, or of every
     * agent when {@code agent} is null.
     */
    @SuppressWarnings("unchecked")
    public List<Measures.AgentRow> agents(LocalDate from, LocalDate to, String agent) {
        StringJoiner cols = new StringJoiner(", ");
        for (Counter c : Counter.values()) {
            cols.add(c.column());
        }
        Query q = em.createNativeQuery("SELECT " + AGENT_KEY_COLUMNS + ", " + cols + " FROM metric_agent_daily WHERE stat_day BETWEEN ? AND ?"
                        + (agent == null ? "" : " AND agent = ?"))
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to));
        if (agent != null) {
            q.setParameter(3, agent);
        }
        List<Object[]> rows = q.getResultList();
        List<Measures.AgentRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long[] counters = new long[Counter.SIZE];
            for (int i = 0; i < Counter.SIZE; i++) {
                counters[i] = ((Number) r[2 + i]).longValue();
            }
            out.add(new Measures.AgentRow(new AgentKey(day(r[0]), (String) r[1]), counters));
        }
        return out;
    }

    /**
     * Every agent's {@code metric_agent_daily} counters summed over {@code from}..{@code to}, one row
     * per agent keyed by {@code from}: the database adds up days × agents rows, the page reads one row
     * per agent (the overview's agent table, all agents beside one agent's dashboard).
     */
    @SuppressWarnings("unchecked")
    public List<Measures.AgentRow> agentSums(LocalDate from, LocalDate to) {
        StringJoiner cols = new StringJoiner(", ");
        for (Counter c : Counter.values()) {
            cols.add("SUM(" + c.column() + ")");
        }
        List<Object[]> rows = em.createNativeQuery("SELECT agent, " + cols + " FROM metric_agent_daily WHERE stat_day BETWEEN ? AND ? GROUP BY agent")
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to))
                .getResultList();
        List<Measures.AgentRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long[] counters = new long[Counter.SIZE];
            for (int i = 0; i < Counter.SIZE; i++) {
                counters[i] = r[1 + i] == null ? 0 : ((Number) r[1 + i]).longValue();
            }
            out.add(new Measures.AgentRow(new AgentKey(from, (String) r[0]), counters));
        }
        return out;
    }

    /**
     * Occupancy seconds summed in the database: per agent over {@code from}..{@code to} (keyed by
     * {@code from}), or with {@code byDay} per calendar day over all agents (agent {@code ""}).
     */
    @SuppressWarnings("unchecked")
    public List<Measures.OccupancyRow> occupancySums(LocalDate from, LocalDate to, boolean byDay) {
        StringJoiner cols = new StringJoiner(", ");
        for (String c : Occupancy.COLUMNS) {
            cols.add("SUM(" + c + ")");
        }
        String group = byDay ? "stat_day" : "agent";
        List<Object[]> rows = em.createNativeQuery("SELECT " + group + ", " + cols + " FROM metric_occupancy_daily WHERE stat_day BETWEEN ? AND ? GROUP BY " + group)
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to))
                .getResultList();
        List<Measures.OccupancyRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long[] seconds = new long[Occupancy.COLUMNS.size()];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = r[1 + i] == null ? 0 : ((Number) r[1 + i]).longValue();
            }
            out.add(new Measures.OccupancyRow(byDay ? new AgentKey(day(r[0]), "") : new AgentKey(from, (String) r[0]), seconds));
        }
        return out;
    }

    /**
     * The {@code metric_occupancy_daily} rows (calendar days) from {@code from} to {@code to}: of one
     * agent, or of every agent when {@code agent} is null.
     */
    @SuppressWarnings("unchecked")
    public List<Measures.OccupancyRow> occupancy(LocalDate from, LocalDate to, String agent) {
        Query q = em.createNativeQuery("SELECT " + AGENT_KEY_COLUMNS + ", " + String.join(", ", Occupancy.COLUMNS)
                        + " FROM metric_occupancy_daily WHERE stat_day BETWEEN ? AND ?" + (agent == null ? "" : " AND agent = ?"))
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to));
        if (agent != null) {
            q.setParameter(3, agent);
        }
        List<Object[]> rows = q.getResultList();
        List<Measures.OccupancyRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long[] seconds = new long[Occupancy.COLUMNS.size()];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = ((Number) r[2 + i]).longValue();
            }
            out.add(new Measures.OccupancyRow(new AgentKey(day(r[0]), (String) r[1]), seconds));
        }
        return out;
    }

    /** The agent's open presence interval, if one is stored. */
    @SuppressWarnings("unchecked")
    public java.util.Optional<Occupancy.Open> openPresence(String agent) {
        List<Object[]> rows = em.createNativeQuery("SELECT agent, presence, since, capacity FROM metric_presence WHERE agent = ?")
                .setParameter(1, agent).getResultList();
        return rows.stream().findFirst().map(r -> new Occupancy.Open((String) r[0], (String) r[1], instant(r[2]), ((Number) r[3]).intValue()));
    }

    /** Stores the agent's open presence interval (one row per agent, replaced at each change). */
    public void openPresence(Occupancy.Open open) {
        int n = em.createNativeQuery("UPDATE metric_presence SET presence = ?, since = ?, capacity = ? WHERE agent = ?")
                .setParameter(1, open.presence()).setParameter(2, ts(open.since())).setParameter(3, open.capacity()).setParameter(4, open.agent())
                .executeUpdate();
        if (n == 0) {
            em.createNativeQuery("INSERT INTO metric_presence (agent, presence, since, capacity) VALUES (?, ?, ?, ?)")
                    .setParameter(1, open.agent()).setParameter(2, open.presence()).setParameter(3, ts(open.since())).setParameter(4, open.capacity())
                    .executeUpdate();
        }
    }

    static java.time.Instant instant(Object o) {
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.util.Date d) {
            return d.toInstant();
        }
        return java.time.LocalDateTime.parse(String.valueOf(o).replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
    }

    static LocalDate day(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (o instanceof java.util.Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(o).substring(0, 10));
    }

    /**
     * Writes generated history in one go (demo data, the benchmark's generator): the facts as
     * {@code metric_conversation} rows marked {@code history}, and the counters as new roll-up rows,
     * in multi-row INSERTs of {@value #BATCH} rows. Only for days that have no roll-up rows yet.
     */
    public void insertHistory(List<Facts> conversations, Deltas deltas) {
        List<List<Object>> rows = new ArrayList<>();
        for (Facts f : conversations) {
            rows.add(java.util.Arrays.asList(f.conversationId, Date.valueOf(f.day), f.channel, f.skill, f.trigger, f.team, f.firstAgent, ts(f.startedAt),
                    ts(f.escalatedAt), ts(f.acceptedAt), f.waitSeconds, f.predictedWaitSeconds, f.agent, f.outcome,
                    f.abandonedWaitSeconds, f.csat, f.csatHuman, f.transfers, f.notNeeded, f.breaches, true, f.firstResponseSeconds));
        }
        insert("metric_conversation", "conversation_id, stat_day, channel, skill, trig, team, first_agent, started_at, escalated_at, accepted_at, wait_seconds, "
                + "predicted_wait_seconds, agent, outcome, abandoned_wait_seconds, csat, csat_human, transfers, not_needed, breaches, history, "
                + "first_response_seconds", rows);
        StringJoiner counterColumns = new StringJoiner(", ");
        for (Counter c : Counter.values()) {
            counterColumns.add(c.column());
        }
        rows.clear();
        for (Map.Entry<RollupKey, long[]> e : deltas.daily().entrySet()) {
            List<Object> row = new ArrayList<>(List.of(Date.valueOf(e.getKey().day()), e.getKey().skill(), e.getKey().channel(), e.getKey().trigger(),
                    e.getKey().team()));
            for (long v : e.getValue()) {
                row.add(v);
            }
            rows.add(row);
        }
        insert("metric_daily", KEY_COLUMNS + ", " + counterColumns, rows);
        rows.clear();
        for (Map.Entry<AgentKey, long[]> e : deltas.agents().entrySet()) {
            List<Object> row = new ArrayList<>(List.of(Date.valueOf(e.getKey().day()), e.getKey().agent()));
            for (long v : e.getValue()) {
                row.add(v);
            }
            rows.add(row);
        }
        insert("metric_agent_daily", AGENT_KEY_COLUMNS + ", " + counterColumns, rows);
        rows.clear();
        for (Map.Entry<AgentKey, long[]> e : deltas.occupancy().entrySet()) {
            List<Object> row = new ArrayList<>(List.of(Date.valueOf(e.getKey().day()), e.getKey().agent()));
            for (long v : e.getValue()) {
                row.add(v);
            }
            rows.add(row);
        }
        insert("metric_occupancy_daily", AGENT_KEY_COLUMNS + ", " + String.join(", ", Occupancy.COLUMNS), rows);
        rows.clear();
        for (Map.Entry<TriggerKey, long[]> e : deltas.triggers().entrySet()) {
            rows.add(List.of(Date.valueOf(e.getKey().day()), e.getKey().trigger(), e.getKey().skill(), e.getKey().channel(),
                    e.getValue()[0], e.getValue()[1]));
        }
        insert("metric_trigger_daily", TRIGGER_KEY_COLUMNS + ", fired, not_needed", rows);
    }

    static final int BATCH = 200;

    /**
     * Multi-row INSERTs on the transaction's own JDBC connection (EclipseLink's native queries spent
     * seconds preparing statements with thousands of parameters).
     */
    private void insert(String table, String columns, List<List<Object>> rows) {
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<List<Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
            for (int r = 0; r < batch.size(); r++) {
                sql.append(r == 0 ? "(" : ", (");
                for (int i = 0; i < batch.get(r).size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                sql.append(')');
            }
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (List<Object> row : batch) {
                    for (Object v : row) {
                        if (v == null) {
                            statement.setNull(p++, java.sql.Types.NULL);
                        } else {
                            statement.setObject(p++, v);
                        }
                    }
                }
                statement.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new jakarta.persistence.PersistenceException("Could not write the history into " + table + ": " + e.getMessage(), e);
            }
        }
    }

    private static java.sql.Timestamp ts(java.time.Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    /** Sums of every counter, all rows: for tests and the operations endpoint. */
    public Map<String, Long> totals() {
        StringJoiner cols = new StringJoiner(", ");
        for (Counter c : Counter.values()) {
            cols.add("SUM(" + c.column() + ")");
        }
        Object[] r = (Object[]) em.createNativeQuery("SELECT " + cols + " FROM metric_daily").getSingleResult();
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (Counter c : Counter.values()) {
            Object v = r[c.ordinal()];
            out.put(c.column(), v == null ? 0 : ((Number) v).longValue());
        }
        return out;
    }
}
