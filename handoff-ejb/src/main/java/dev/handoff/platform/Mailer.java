package dev.handoff.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain-text e-mail through Jakarta Mail to the SMTP relay of {@code handoff.mail.smtp-host} and
 * {@code handoff.mail.smtp-port}, from {@code handoff.mail.from}: the customer's e-mail answers and
 * the integration alerts. Without a host nothing is sent (and callers say so).
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    @ConfigProperty(name = "handoff.mail.smtp-host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "handoff.mail.smtp-port", defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "handoff.mail.from", defaultValue = "support@handoff.invalid")
    String mailFrom;

    public boolean configured() {
        return smtpHost.isPresent() && !smtpHost.get().isBlank();
    }

    /** Sends one message to {@code to} (one or more addresses, comma-separated); false when SMTP is not configured or the relay refused it. */
    public boolean send(String to, String subject, String text) {
        if (!configured()) {
            return false;
        }
        try {
            Properties props = new Properties();
            props.put("mail.smtp.host", smtpHost.get().strip());
            props.put("mail.smtp.port", Integer.toString(smtpPort));
            props.put("mail.smtp.connectiontimeout", "5000");
            props.put("mail.smtp.timeout", "5000");
            jakarta.mail.Session session = jakarta.mail.Session.getInstance(props);
            jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
            message.setFrom(new jakarta.mail.internet.InternetAddress(mailFrom));
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, jakarta.mail.internet.InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            jakarta.mail.Transport.send(message);
            return true;
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "An e-mail (" + subject + ") could not be sent", e);
            return false;
        }
    }
}
