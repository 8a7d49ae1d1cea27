package dev.handoff.routing.boundary;

import dev.handoff.identity.boundary.UserService;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.routing.control.AgentCsv;
import dev.handoff.routing.control.AgentCsv.LineError;
import dev.handoff.identity.entity.Agent;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Changes many users at once: bulk edits from the users page and the agent CSV (import, export). It
 * starts no transaction itself: each user (each CSV line) is changed in its own {@link AgentProfiles}
 * transaction, so one refused user does not undo the others and each change reaches the routing engine.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserBulkService {

    private static final Logger LOG = Logger.getLogger(UserBulkService.class.getName());

    @Inject
    UserService users;

    @Inject
    AgentProfiles profiles;

    /** Applies {@code edit} to every named user; the errors read "alice: reason". */
    public BulkResult edit(List<String> usernames, AgentEdit edit, String actingUser) {
        int updated = 0;
        List<String> errors = new ArrayList<>();
        for (String username : new LinkedHashSet<>(usernames)) {
            try {
                profiles.edit(username, edit, actingUser);
                updated++;
            } catch (RuntimeException e) {
                errors.add(username + ": " + reason(e));
            }
        }
        return new BulkResult(updated, errors);
    }

    /**
     * Imports an agent CSV ({@link AgentCsv}). If any line cannot be read, nothing is imported and every
     * bad line is reported; otherwise each line is applied on its own ({@link AgentProfiles#importAgent})
     * and the lines the server refuses are reported.
     */
    public AgentImportResult importCsv(String text, String actingUser) {
        AgentCsv.Result parsed = AgentCsv.parse(text);
        if (!parsed.ok()) {
            return new AgentImportResult(0, 0, 0, parsed.errors());
        }
        Map<AgentImportResult.Outcome, Integer> counts = new EnumMap<>(AgentImportResult.Outcome.class);
        List<LineError> errors = new ArrayList<>();
        for (AgentCsv.Line line : parsed.agents()) {
            try {
                counts.merge(profiles.importAgent(line.agent(), actingUser), 1, Integer::sum);
            } catch (RuntimeException e) {
                errors.add(new LineError(line.line(), line.agent().username() + ": " + reason(e)));
            }
        }
        return new AgentImportResult(counts.getOrDefault(AgentImportResult.Outcome.CREATED, 0),
                counts.getOrDefault(AgentImportResult.Outcome.UPDATED, 0),
                counts.getOrDefault(AgentImportResult.Outcome.UNCHANGED, 0), errors);
    }

    /** Every user as an agent CSV (no byte order mark); importing it again changes nothing. */
    public String exportCsv() {
        Map<String, Agent> agents = profiles.agents().stream().collect(Collectors.toMap(Agent::getUsername, Function.identity()));
        return AgentCsv.write(users.all().stream().map(u -> AgentCsv.of(u, agents.get(u.getUsername()))).toList());
    }

    private static String reason(RuntimeException thrown) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof InvalidInputException || e instanceof ConflictException || e instanceof NotFoundException
                || e instanceof ForbiddenException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        LOG.log(Level.WARNING, "Changing a user failed", thrown);
        return "unexpected error; see the server log";
    }
}
