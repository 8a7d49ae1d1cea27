import dev.handoff.demo.DemoHistory;
import dev.handoff.metrics.control.AgentKey;
import dev.handoff.metrics.control.AgentMeasures;
import dev.handoff.metrics.control.Counter;
import dev.handoff.metrics.control.Facts;
import dev.handoff.metrics.control.Filter;
import dev.handoff.metrics.control.Measures;
import dev.handoff.metrics.control.Occupancy;
import dev.handoff.metrics.control.Overview;
import dev.handoff.metrics.control.RollupKey;
import dev.handoff.metrics.control.TriggerKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The dashboards at scale: generates N conversations over 90 days with the demo's generator (through
 * the real Rollup), stores their metric_conversation rows and the roll-ups in a MariaDB database,
 * then times what the overview does per request (N = 0: only the timing, on the tables already stored) (read the period's and the previous period's rows,
 * compute every measure), the overview's agent table, an agent's own dashboard and a drill-down. The chats are spread over
 * 4 × agentsPerName agents (alice-0 …), whose agent roll-ups (metric_agent_daily) and presence/chat time (metric_occupancy_daily) the
 * generator fills through the same Rollup and Occupancy code. See docs/benchmarks.md.
 *
 * java -Xmx3g -cp handoff-ejb/target/classes:<mysql-connector-j.jar> bench/dashboard/DashboardBench.java \
 *      'jdbc:mysql://127.0.0.1:3306/handoff_bench_dash?user=handoff&password=handoff' 1000000 [runs] [days of metric_conversation rows] [agentsPerName]
 */
public class DashboardBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        // metric_conversation rows kept for the last this-many days only (all 90 by default); the overview never reads them
        int rowDays = args.length > 3 ? Integer.parseInt(args[3]) : 90;
        // 4 × 50 = 200 agents by default: about 5,000 conversations an agent over the 90 days
        int agentsPerName = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(url)) {
            if (conversations > 0) {
                load(c, today, conversations, rowDays, agentsPerName);
            }
            measure(c, today, runs);
        }
    }

    static void load(Connection c, LocalDate today, int conversations, int rowDays, int agentsPerName) throws Exception {
        {
            long t0 = System.nanoTime();
            // 90 days, 2/3 of weekday volume on average: per weekday ≈ N / (90 · 0.86 · 1.0)
            int perWeekday = (int) Math.round(conversations / (90 * 0.857));
            DemoHistory.Result history = new DemoHistory(15L, 120, agentsPerName).generate(today, 90, perWeekday);
            long t1 = System.nanoTime();
            schema(c);
            c.setAutoCommit(false);
            LocalDate firstRowDay = today.minusDays(rowDays);
            insertConversations(c, history.conversations().stream().filter(f -> !f.day.isBefore(firstRowDay)).toList());
            insertRollups(c, history);
            c.commit();
            c.setAutoCommit(true);
            long t2 = System.nanoTime();
            System.out.printf("generated %,d conversations in %.1f s, stored in %.1f s (%,d metric_daily rows, %,d trigger rows, "
                            + "%,d metric_agent_daily rows, %,d metric_occupancy_daily rows)%n",
                    history.conversations().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, history.deltas().daily().size(),
                    history.deltas().triggers().size(), history.deltas().agents().size(), history.deltas().occupancy().size());
        }
    }

    /** Times the overview (all, and one team on one channel) and a drill-down on the stored tables. */
    static void measure(Connection c, LocalDate today, int runs) throws Exception {
        {
            Filter filter = new Filter(today.minusDays(90), today.minusDays(1), null, null, null);
            Filter team = new Filter(today.minusDays(90), today.minusDays(1), "billing", "web", null);
            double[] all = time(c, filter, runs);
            double[] billing = time(c, team, runs);
            double[] drill = timeDrill(c, today.minusDays(2), runs);
            double[] agents = timeAgents(c, today.minusDays(90), today.minusDays(1), null, runs);
            String agent = busiestAgent(c);
            double[] mine = timeAgents(c, today.minusDays(90), today.minusDays(1), agent, runs);
            System.out.printf("overview 90 days (all):          median %.1f ms, p95 %.1f ms, max %.1f ms%n", all[0], all[1], all[2]);
            System.out.printf("overview 90 days (billing, web): median %.1f ms, p95 %.1f ms, max %.1f ms%n", billing[0], billing[1], billing[2]);
            System.out.printf("drill-down of one day (500 rows): median %.1f ms, p95 %.1f ms, max %.1f ms%n", drill[0], drill[1], drill[2]);
            System.out.printf("overview's agent table 90 days:  median %.1f ms, p95 %.1f ms, max %.1f ms%n", agents[0], agents[1], agents[2]);
            System.out.printf("agent's own dashboard 90 days (%s): median %.1f ms, p95 %.1f ms, max %.1f ms%n", agent, mine[0], mine[1], mine[2]);
            System.out.printf("overview page (overview + agent table), median %.1f ms, p95 %.1f ms%n", all[0] + agents[0], all[1] + agents[1]);
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT agent) FROM metric_agent_daily")) {
                r.next();
                System.out.printf("metric_agent_daily rows: %,d (%d agents)%n", r.getLong(1), r.getLong(2));
            }
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*), SUM(chat_seconds) / SUM(capacity_seconds) FROM metric_occupancy_daily")) {
                r.next();
                System.out.printf("metric_occupancy_daily rows: %,d, occupancy of all agents %.1f %%%n", r.getLong(1), 100 * r.getDouble(2));
            }
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM metric_conversation")) {
                r.next();
                System.out.printf("metric_conversation rows: %,d%n", r.getLong(1));
            }
        }
    }

    static void schema(Connection c) throws Exception {
        String sql = Files.readString(Path.of("handoff-persistence/src/main/resources/db/migration/V13__metrics_rollups.sql"))
                + ";\n" + Files.readString(Path.of("handoff-persistence/src/main/resources/db/migration/V16__metrics_team.sql"))
                + ";\n" + Files.readString(Path.of("handoff-persistence/src/main/resources/db/migration/V18__metrics_agent.sql"))
                + ";\n" + Files.readString(Path.of("handoff-persistence/src/main/resources/db/migration/V20__metrics_first_response.sql"))
                + ";\n" + Files.readString(Path.of("handoff-persistence/src/main/resources/db/migration/V21__metrics_occupancy.sql"));
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS metric_conversation");
            s.execute("DROP TABLE IF EXISTS metric_daily");
            s.execute("DROP TABLE IF EXISTS metric_trigger_daily");
            s.execute("DROP TABLE IF EXISTS metric_agent_daily");
            s.execute("DROP TABLE IF EXISTS metric_occupancy_daily");
            s.execute("DROP TABLE IF EXISTS metric_presence");
            for (String part : sql.replaceAll("(?m)--.*$", "").split(";")) {
                if (!part.isBlank()) {
                    s.execute(part);
                }
            }
        }
    }

    static void insertConversations(Connection c, List<Facts> facts) throws Exception {
        List<List<Object>> rows = new ArrayList<>(1000);
        String columns = "conversation_id, stat_day, channel, skill, trig, team, first_agent, started_at, escalated_at, accepted_at, wait_seconds, "
                + "predicted_wait_seconds, agent, outcome, abandoned_wait_seconds, csat, csat_human, transfers, not_needed, breaches, history, "
                + "first_response_seconds";
        for (Facts f : facts) {
            rows.add(Arrays.asList(f.conversationId, Date.valueOf(f.day), f.channel, f.skill, f.trigger, f.team, f.firstAgent, ts(f.startedAt),
                    ts(f.escalatedAt), ts(f.acceptedAt), f.waitSeconds, f.predictedWaitSeconds, f.agent, f.outcome,
                    f.abandonedWaitSeconds, f.csat, f.csatHuman, f.transfers, f.notNeeded, f.breaches, true, f.firstResponseSeconds));
            if (rows.size() == 1000) {
                insert(c, "metric_conversation", columns, rows);
                rows.clear();
            }
        }
        insert(c, "metric_conversation", columns, rows);
    }

    static void insertRollups(Connection c, DemoHistory.Result history) throws Exception {
        StringJoiner counters = new StringJoiner(", ");
        for (Counter k : Counter.values()) {
            counters.add(k.column());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<RollupKey, long[]> e : history.deltas().daily().entrySet()) {
            List<Object> row = new ArrayList<>(List.of(Date.valueOf(e.getKey().day()), e.getKey().skill(), e.getKey().channel(), e.getKey().trigger(),
                    e.getKey().team()));
            for (long v : e.getValue()) {
                row.add(v);
            }
            rows.add(row);
        }
        for (int i = 0; i < rows.size(); i += 200) {
            insert(c, "metric_daily", "stat_day, skill, channel, trig, team, " + counters, rows.subList(i, Math.min(rows.size(), i + 200)));
        }
        rows.clear();
        for (Map.Entry<AgentKey, long[]> e : history.deltas().agents().entrySet()) {
            List<Object> row = new ArrayList<>(List.of(Date.valueOf(e.getKey().day()), e.getKey().agent()));
            for (long v : e.getValue()) {
                row.add(v);
            }
            rows.add(row);
        }
        for (int i = 0; i < rows.size(); i += 200) {
            insert(c, "metric_agent_daily", "stat_day, agent, " + counters, rows.subList(i, Math.min(rows.size(), i + 200)));
        }
        rows.clear();
        for (Map.Entry<AgentKey, long[]> e : history.deltas().occupancy().entrySet()) {
            List<Object> row = new ArrayList<>(List.of(Date.valueOf(e.getKey().day()), e.getKey().agent()));
            for (long v : e.getValue()) {
                row.add(v);
            }
            rows.add(row);
        }
        for (int i = 0; i < rows.size(); i += 200) {
            insert(c, "metric_occupancy_daily", "stat_day, agent, " + String.join(", ", Occupancy.COLUMNS), rows.subList(i, Math.min(rows.size(), i + 200)));
        }
        rows.clear();
        for (Map.Entry<TriggerKey, long[]> e : history.deltas().triggers().entrySet()) {
            rows.add(List.of(Date.valueOf(e.getKey().day()), e.getKey().trigger(), e.getKey().skill(), e.getKey().channel(), e.getValue()[0], e.getValue()[1]));
        }
        insert(c, "metric_trigger_daily", "stat_day, trig, skill, channel, fired, not_needed", rows);
    }

    static void insert(Connection c, String table, String columns, List<List<Object>> rows) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int i = 0; i < rows.get(r).size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            sql.append(')');
        }
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (List<Object> row : rows) {
                for (Object v : row) {
                    if (v == null) {
                        p.setNull(i++, Types.NULL);
                    } else {
                        p.setObject(i++, v);
                    }
                }
            }
            p.executeUpdate();
        }
    }

    /** What DashboardService.overview does: the same two queries as RollupStore, then Measures. */
    static double[] time(Connection c, Filter filter, int runs) throws Exception {
        StringJoiner cols = new StringJoiner(", ");
        for (Counter k : Counter.values()) {
            cols.add(k.column());
        }
        double[] ms = new double[runs];
        for (int run = 0; run < runs; run++) {
            long t = System.nanoTime();
            List<Measures.Row> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT stat_day, skill, channel, trig, team, " + cols + " FROM metric_daily WHERE stat_day BETWEEN ? AND ?")) {
                p.setDate(1, Date.valueOf(filter.previous().from()));
                p.setDate(2, Date.valueOf(filter.to()));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long[] v = new long[Counter.SIZE];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = r.getLong(6 + i);
                        }
                        rows.add(new Measures.Row(new RollupKey(r.getDate(1).toLocalDate(), r.getString(2), r.getString(3), r.getString(4), r.getString(5)), v));
                    }
                }
            }
            List<Measures.TriggerRow> triggers = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT stat_day, trig, skill, channel, fired, not_needed FROM metric_trigger_daily WHERE stat_day BETWEEN ? AND ?")) {
                p.setDate(1, Date.valueOf(filter.previous().from()));
                p.setDate(2, Date.valueOf(filter.to()));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        triggers.add(new Measures.TriggerRow(new TriggerKey(r.getDate(1).toLocalDate(), r.getString(2), r.getString(3), r.getString(4)),
                                r.getLong(5), r.getLong(6)));
                    }
                }
            }
            Overview o = new Measures(0.30).overview(filter, rows, triggers);
            if (o.current().started() == 0) {
                throw new IllegalStateException("no data");
            }
            ms[run] = (System.nanoTime() - t) / 1e6;
        }
        return stats(ms);
    }

    /**
     * What DashboardService does for the agents' pages, with the same queries as RollupStore: per-agent
     * sums of metric_agent_daily and metric_occupancy_daily for the period and the previous one (the
     * database adds the days up), then AgentMeasures. The overview's agent table ({@code agent} null)
     * also reads all agents' occupancy per day (its chart); one agent's own dashboard also reads that
     * agent's own days of both periods.
     */
    static double[] timeAgents(Connection c, LocalDate from, LocalDate to, String agent, int runs) throws Exception {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        LocalDate prevFrom = from.minusDays(days);
        LocalDate prevTo = from.minusDays(1);
        double[] ms = new double[runs];
        for (int run = 0; run < runs; run++) {
            long t = System.nanoTime();
            List<Measures.AgentRow> sums = new ArrayList<>(agentSums(c, from, to));
            sums.addAll(agentSums(c, prevFrom, prevTo));
            List<Measures.OccupancyRow> time = new ArrayList<>(occupancySums(c, from, to, "agent"));
            time.addAll(occupancySums(c, prevFrom, prevTo, "agent"));
            if (agent == null) {
                AgentMeasures.Agents a = AgentMeasures.agents(from, to, sums, time, occupancySums(c, from, to, "stat_day"));
                if (a.lines().isEmpty() || a.all().occupancy() == null) {
                    throw new IllegalStateException("no agents");
                }
            } else {
                AgentMeasures.Dashboard d = AgentMeasures.dashboard(agent, from, to, agentDays(c, prevFrom, to, agent),
                        occupancyDays(c, prevFrom, to, agent), sums, time);
                if (d.current().handled() == 0 || d.current().occupancy() == null || d.current().firstResponseMedian() == null
                        || d.everyone().agents() < 2) {
                    throw new IllegalStateException("no figures for " + agent);
                }
            }
            ms[run] = (System.nanoTime() - t) / 1e6;
        }
        return stats(ms);
    }

    static List<Measures.AgentRow> agentSums(Connection c, LocalDate from, LocalDate to) throws Exception {
        StringJoiner cols = new StringJoiner(", ");
        for (Counter k : Counter.values()) {
            cols.add("SUM(" + k.column() + ")");
        }
        List<Measures.AgentRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT agent, " + cols + " FROM metric_agent_daily WHERE stat_day BETWEEN ? AND ? GROUP BY agent")) {
            p.setDate(1, Date.valueOf(from));
            p.setDate(2, Date.valueOf(to));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long[] v = new long[Counter.SIZE];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.getLong(2 + i);
                    }
                    out.add(new Measures.AgentRow(new AgentKey(from, r.getString(1)), v));
                }
            }
        }
        return out;
    }

    static List<Measures.AgentRow> agentDays(Connection c, LocalDate from, LocalDate to, String agent) throws Exception {
        StringJoiner cols = new StringJoiner(", ");
        for (Counter k : Counter.values()) {
            cols.add(k.column());
        }
        List<Measures.AgentRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT stat_day, agent, " + cols + " FROM metric_agent_daily WHERE stat_day BETWEEN ? AND ? AND agent = ?")) {
            p.setDate(1, Date.valueOf(from));
            p.setDate(2, Date.valueOf(to));
            p.setString(3, agent);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long[] v = new long[Counter.SIZE];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.getLong(3 + i);
                    }
                    out.add(new Measures.AgentRow(new AgentKey(r.getDate(1).toLocalDate(), r.getString(2)), v));
                }
            }
        }
        return out;
    }

    static List<Measures.OccupancyRow> occupancySums(Connection c, LocalDate from, LocalDate to, String group) throws Exception {
        StringJoiner cols = new StringJoiner(", ");
        for (String k : Occupancy.COLUMNS) {
            cols.add("SUM(" + k + ")");
        }
        List<Measures.OccupancyRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + group + ", " + cols + " FROM metric_occupancy_daily WHERE stat_day BETWEEN ? AND ? GROUP BY " + group)) {
            p.setDate(1, Date.valueOf(from));
            p.setDate(2, Date.valueOf(to));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long[] v = new long[Occupancy.COLUMNS.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.getLong(2 + i);
                    }
                    AgentKey key = group.equals("agent") ? new AgentKey(from, r.getString(1)) : new AgentKey(r.getDate(1).toLocalDate(), "");
                    out.add(new Measures.OccupancyRow(key, v));
                }
            }
        }
        return out;
    }

    static List<Measures.OccupancyRow> occupancyDays(Connection c, LocalDate from, LocalDate to, String agent) throws Exception {
        List<Measures.OccupancyRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT stat_day, agent, " + String.join(", ", Occupancy.COLUMNS)
                + " FROM metric_occupancy_daily WHERE stat_day BETWEEN ? AND ? AND agent = ?")) {
            p.setDate(1, Date.valueOf(from));
            p.setDate(2, Date.valueOf(to));
            p.setString(3, agent);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long[] v = new long[Occupancy.COLUMNS.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.getLong(3 + i);
                    }
                    out.add(new Measures.OccupancyRow(new AgentKey(r.getDate(1).toLocalDate(), r.getString(2)), v));
                }
            }
        }
        return out;
    }

    static String busiestAgent(Connection c) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery("SELECT agent FROM metric_agent_daily GROUP BY agent ORDER BY SUM(accepted) DESC LIMIT 1")) {
            if (!r.next()) {
                throw new IllegalStateException("metric_agent_daily is empty");
            }
            return r.getString(1);
        }
    }

    static double[] timeDrill(Connection c, LocalDate day, int runs) throws Exception {
        double[] ms = new double[runs];
        for (int run = 0; run < runs; run++) {
            long t = System.nanoTime();
            int n = 0;
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM metric_conversation WHERE stat_day BETWEEN ? AND ? AND escalated_at IS NOT NULL "
                    + "ORDER BY started_at DESC, conversation_id LIMIT 500")) {
                p.setDate(1, Date.valueOf(day));
                p.setDate(2, Date.valueOf(day));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        n++;
                    }
                }
            }
            if (n == 0) {
                throw new IllegalStateException("no rows");
            }
            ms[run] = (System.nanoTime() - t) / 1e6;
        }
        return stats(ms);
    }

    static double[] stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return new double[] {s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1], s[s.length - 1]};
    }

    static Timestamp ts(java.time.Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
