package dev.handoff.web.faces;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.ForbiddenException;
import jakarta.ejb.EJBException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import org.junit.jupiter.api.Test;

class LoggingExceptionHandlerFactoryTest {

    @Test
    void wrappedCausesAreRecognisedSoOnlyRealPermissionErrorsShowNotAllowed() {
        Throwable expired = new FacesException(new ViewExpiredException("gone", "/agent/inbox.xhtml"));
        assertTrue(LoggingExceptionHandlerFactory.causedBy(expired, ViewExpiredException.class));
        assertFalse(LoggingExceptionHandlerFactory.causedBy(expired, ForbiddenException.class));
        Throwable refused = new FacesException(new EJBException(new ForbiddenException("This chat belongs to another agent")));
        assertTrue(LoggingExceptionHandlerFactory.causedBy(refused, ForbiddenException.class));
        assertFalse(LoggingExceptionHandlerFactory.causedBy(new IllegalStateException("boom"), ForbiddenException.class));
    }

    @Test
    void incidentIdsAreShortAndDistinct() {
        String a = LoggingExceptionHandlerFactory.incidentId();
        assertTrue(a.matches("[0-9A-F]{8}"), a);
        assertNotEquals(a, LoggingExceptionHandlerFactory.incidentId());
    }
}
