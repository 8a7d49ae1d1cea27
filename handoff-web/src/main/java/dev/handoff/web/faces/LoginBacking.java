package dev.handoff.web.faces;

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

/** Backs login.xhtml: checks the credentials and continues to the page that asked for them (or home). */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.strip().toLowerCase(),
                                new Password(password == null ? "" : password))));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/index.xhtml");
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Wrong username or password, or the account is disabled.", null));
        }
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
