package dev.handoff.web.push;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.handoff.platform.cluster.ClusterDuties;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;

/**
 * Ends the leases of a server that left the data grid (ADR 0051). Each server writes, at start, its
 * grid member id and its lease name ({@code ClusterDuties.node()}) into the grid map
 * {@value #MAP}; when the grid removes a member (killed: the grid notices within about a second,
 * far sooner than the lease's 8 s), every remaining server ends that server's leases in the database
 * and claims them at once. Strings only in the grid. Without a grid nothing changes: leases expire.
 */
@ApplicationScoped
public class GridDepartures {

    static final String MAP = "handoff-cluster-nodes";
    private static final Logger LOG = Logger.getLogger(GridDepartures.class.getName());

    // @Inject, not @EJB: in the EAR the first event may reach this bean on a thread of the EJB module,
    // where the web module's java:comp/env lookup of an @EJB field fails (WELD-000401 in the EAR smoke)
    @Inject
    ClusterDuties duties;

    private volatile HazelcastInstance grid;
    private volatile UUID listener;
    private volatile String me;

    void start(ManagedExecutorService executor) {
        try {
            Object found = InitialContext.doLookup("payara/Hazelcast");
            if (!(found instanceof HazelcastInstance g) || !g.getLifecycleService().isRunning()) {
                return;
            }
            IMap<String, String> nodes = g.getMap(MAP);
            me = g.getCluster().getLocalMember().getUuid().toString();
            nodes.set(me, duties.node());
            listener = g.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    // a new server claims nothing until its leases are free
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    String member = event.getMember().getUuid().toString();
                    executor.execute(() -> left(nodes, member));
                }
            });
            grid = g;
        } catch (javax.naming.NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No data grid: a killed server's leases end when they expire", e);
        }
    }

    /** A member left: its lease name read from the grid (the map keeps a backup on the survivors), its leases ended. */
    private void left(IMap<String, String> nodes, String member) {
        try {
            String node = nodes.get(member);
            if (node != null) {
                duties.serverLeft(node);
                nodes.delete(member);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end the leases of a server that left the data grid; they expire by themselves", e);
        }
    }

    @PreDestroy
    void stop() {
        HazelcastInstance g = grid;
        grid = null;
        if (g == null) {
            return;
        }
        try {
            if (listener != null) {
                g.getCluster().removeMembershipListener(listener);
            }
            g.getMap(MAP).delete(me);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "leaving the data grid", e);
        }
    }
}
