package dev.handoff.web.faces;

import dev.handoff.escalation.control.InvalidSuiteException;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs a backing-bean action and turns business exceptions into a message on the page. */
public final class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class.getName());

    private Messages() {}

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** @return the action's result, or null after showing why it failed */
    public static <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException thrown) {
            Throwable e = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
            if (thrown instanceof jakarta.ejb.EJBAccessException) {
                // the boundary refused the caller's role (ADR 0023)
                error("Your account is not allowed to do that.");
            } else if (e instanceof InvalidSuiteException invalid) {
                invalid.violations().forEach(v -> error(v.field() + ": " + v.message()));
            } else if (e instanceof InvalidInputException || e instanceof ConflictException || e instanceof ForbiddenException
                    || e instanceof NotFoundException) {
                error(e.getMessage());
            } else {
                // Anything else, plain IllegalArgument/IllegalStateException included, is a bug.
                String incident = java.util.UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Portal action failed, incident " + incident, thrown);
                error("Something went wrong; quote incident " + incident + " to your Handoff administrator.");
            }
            return null;
        }
    }

    public static boolean attempt(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }
}
