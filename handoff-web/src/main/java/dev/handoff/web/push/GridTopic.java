package dev.handoff.web.push;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.UUID;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * One topic of the data grid Payara runs (Hazelcast, bound at {@code payara/Hazelcast}). Messages are
 * plain strings, so no class of this application ever has to be loaded by the grid. Only
 * {@link GridRelay} uses this class, and only behind a guard: a server without the grid's classes
 * never loads it.
 */
final class GridTopic implements GridRelay.Channel {

    static final String JNDI_NAME = "payara/Hazelcast";

    private final HazelcastInstance grid;
    private final ITopic<String> topic;
    private final UUID listener;

    private GridTopic(HazelcastInstance grid, String name, Consumer<String> fromOthers) {
        this.grid = grid;
        this.topic = grid.getTopic(name);
        this.listener = topic.addMessageListener(message -> {
            if (!message.getPublishingMember().localMember()) {
                fromOthers.accept(message.getMessageObject());
            }
        });
    }

    /** The topic on this server's grid member; empty when the server runs without a grid. */
    static java.util.Optional<GridTopic> join(String name, Consumer<String> fromOthers) throws NamingException {
        Object found = InitialContext.doLookup(JNDI_NAME);
        if (found instanceof HazelcastInstance grid && grid.getLifecycleService().isRunning()) {
            return java.util.Optional.of(new GridTopic(grid, name, fromOthers));
        }
        return java.util.Optional.empty();
    }

    /** Sends to every other member (fire and forget, as Hazelcast topics are). */
    @Override
    public void publish(String message) {
        topic.publish(message);
    }

    /** Members of the grid, this server included. */
    @Override
    public int members() {
        return grid.getLifecycleService().isRunning() ? grid.getCluster().getMembers().size() : 0;
    }

    @Override
    public void leave() {
        if (grid.getLifecycleService().isRunning()) {
            topic.removeMessageListener(listener);
        }
    }
}
