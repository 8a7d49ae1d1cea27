package dev.handoff.web.faces;

import dev.handoff.identity.boundary.SignInService;
import dev.handoff.web.security.LoginThrottle;
import dev.handoff.web.security.PortalAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backs login.xhtml: refuses while the account or the client address is locked out
 * ({@link LoginThrottle}), checks the credentials, puts an agent to work, and continues to the page
 * that asked for them (or home).
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    LoginThrottle throttle;

    @Inject
    SignInService signIn;

    @Inject
    Clock clock;

    private String username;
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String account = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String address = throttle.clientAddress(request);
        Optional<Duration> locked = throttle.begin(account, address, clock.instant());
        if (locked.isPresent()) {
            error(LoginThrottle.message(locked.get()));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(account, new Password(password == null ? "" : password))));
        switch (status) {
            case SEND_CONTINUE -> {
                started(account);
                faces.responseComplete();
            }
            case SUCCESS -> {
                started(account);
                external.redirect(PortalAuthentication.returnTo(request).orElse(external.getRequestContextPath() + "/index.xhtml"));
            }
            default -> {
                throttle.failed(address, clock.instant());
                error(throttle.lockedFor(account, address, clock.instant()).map(LoginThrottle::message)
                        .orElse("Wrong username or password, or the account is disabled."));
            }
        }
    }

    private void started(String account) {
        throttle.succeeded(account);
        try {
            signIn.signedIn(account);
        } catch (RuntimeException e) {
            Logger.getLogger(LoginBacking.class.getName()).log(Level.WARNING, "Could not set " + account + " online at sign-in", e);
        }
    }

    private void error(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** A signed-in user who opens the login page goes home instead. */
    public void redirectIfSignedIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (external.getRemoteUser() != null) {
            external.redirect(external.getRequestContextPath() + "/index.xhtml");
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
