package dev.handoff.web.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs every exception a portal request ends with (view, user, stack trace) before the standard
 * handling shows the error page: ajax requests (push refreshes) otherwise fail without a trace.
 */
public class LoggingExceptionHandlerFactory extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(LoggingExceptionHandlerFactory.class.getName());

    public LoggingExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExceptionHandlerWrapper(getWrapped().getExceptionHandler()) {
            @Override
            public void handle() {
                for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                    Throwable e = event.getContext().getException();
                    FacesContext faces = FacesContext.getCurrentInstance();
                    String view = faces == null || faces.getViewRoot() == null ? "?" : faces.getViewRoot().getViewId();
                    String user = faces == null ? null : faces.getExternalContext().getRemoteUser();
                    LOG.log(Level.SEVERE, "Portal request failed on " + view + " for " + user, e);
                }
                super.handle();
            }
        };
    }
}
