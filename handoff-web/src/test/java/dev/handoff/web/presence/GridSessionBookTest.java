package dev.handoff.web.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers' session books on one real data grid (two Hazelcast members in this JVM, TCP/IP on
 * 127.0.0.1, a cluster name of the test's own): presence follows an agent across servers.
 */
public class GridSessionBookTest {

    static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
    static final Duration IDLE = Duration.ofSeconds(600);

    HazelcastInstance gridA;
    HazelcastInstance gridB;
    AgentSessions a;
    AgentSessions b;

    @BeforeEach
    void twoServers() {
        String name = "handoff-sessions-test-" + System.nanoTime();
        gridA = Hazelcast.newHazelcastInstance(config(name, 28600));
        gridB = Hazelcast.newHazelcastInstance(config(name, 28600));
        assertEquals(2, gridA.getCluster().getMembers().size(), "the two members formed one grid");
        a = new AgentSessions();
        a.keepIn(new GridSessionBook(gridA));
        b = new AgentSessions();
        b.keepIn(new GridSessionBook(gridB));
    }

    @AfterEach
    void stop() {
        for (HazelcastInstance g : new HazelcastInstance[] {gridA, gridB}) {
            if (g != null && g.getLifecycleService().isRunning()) {
                g.getLifecycleService().terminate();
            }
        }
    }

    public static Config config(String clusterName, int port) {
        Config c = new Config().setClusterName(clusterName).setProperty("hazelcast.phone.home.enabled", "false")
                .setProperty("hazelcast.logging.type", "jdk").setProperty("hazelcast.shutdownhook.enabled", "false")
                .setProperty("hazelcast.wait.seconds.before.join", "0").setProperty("hazelcast.max.wait.seconds.before.join", "0");
        c.getNetworkConfig().setPort(port).setPortAutoIncrement(true).getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        c.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + (port + 1));
        c.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        return c;
    }

    @Test
    void aSessionEndingOnOneServerLeavesTheAgentOnlineWhileAnotherServerHoldsOne() {
        a.opened("alice", "s-on-a", T0);
        b.opened("alice", "s-on-b", T0);
        assertFalse(a.closed("alice", "s-on-a"), "alice still has a session on server b");
        assertFalse(a.closed("alice", "s-on-a"), "closing twice is harmless");
        assertTrue(b.closed("alice", "s-on-b"), "the last session in the cluster ends");
        assertFalse(b.closed("bob", "unknown"), "unknown sessions are ignored");
    }

    @Test
    void activityOnOneServerKeepsAnIdleTabOnAnotherFromSettingTheAgentAway() {
        a.opened("alice", "idle-tab", T0);
        b.opened("alice", "working-tab", T0);
        a.opened("bob", "bob-tab", T0);
        b.active("alice", T0.plusSeconds(500));
        assertEquals(List.of("bob"), a.idleSince(T0.plusSeconds(700), IDLE), "alice worked on server b 200 s ago");
        assertEquals(List.of("bob"), b.idleSince(T0.plusSeconds(700), IDLE), "both servers see the same");
        assertFalse(a.clusterWide() && b.idleSince(T0.plusSeconds(700), IDLE).contains("alice"));
        assertTrue(a.clusterWide(), "one server may check for all");
    }

    @Test
    void anAwaySetByOneServerEndsWithActivityOnTheOther() {
        a.opened("alice", "s1", T0);
        assertEquals(List.of("alice"), b.idleSince(T0.plusSeconds(600), IDLE), "server b sees alice's session on server a");
        b.markedAway("alice", T0.plusSeconds(600));
        assertTrue(a.idleSince(T0.plusSeconds(630), IDLE).isEmpty(), "not reported twice, on either server");
        assertTrue(a.active("alice", T0.plusSeconds(700)), "activity on server a ends the away server b set");
        assertFalse(b.active("alice", T0.plusSeconds(701)), "only once");
    }

    @Test
    void aRenamedSessionIsStillTheSameSession() {
        a.opened("bob", "before-login", T0);
        a.renamed("before-login", "after-login");
        assertFalse(a.closed("bob", "before-login"), "the old id is gone");
        assertTrue(b.idleSince(T0.plusSeconds(600), IDLE).contains("bob"), "the renamed session still counts on server b");
        assertTrue(a.closed("bob", "after-login"));
    }

    @Test
    void theSessionsOfAServerThatLeftTheGridStopCounting() {
        a.opened("alice", "on-a", T0);
        a.opened("carol", "carol-on-a", T0);
        b.opened("alice", "on-b", T0);
        gridA.getLifecycleService().terminate(); // kill -9 of server a: no session ends there
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gridB.getCluster().getMembers().size() > 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, gridB.getCluster().getMembers().size());
        assertEquals(List.of("alice"), b.idleSince(T0.plusSeconds(600), IDLE),
                "carol's only session was on server a: no ghost left for the away check");
        assertTrue(b.closed("alice", "on-b"), "alice's session on the dead server does not keep her online");
    }
}
