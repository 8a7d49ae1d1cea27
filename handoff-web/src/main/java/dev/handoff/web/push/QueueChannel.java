package dev.handoff.web.push;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The user of the queue page's push socket ({@code <f:websocket channel="queue" user=…>}): the
 * signed-in supervisor or admin, who from now on gets the queue's nudges.
 */
@Named
@RequestScoped
public class QueueChannel {

    public String getSubscriber() {
        String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        if (user != null) {
            PushChannels.watchQueue(user);
        }
        return user;
    }
}
