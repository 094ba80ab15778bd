package org.invigil.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends email over SMTP with Jakarta Mail, configured by {@code invigil.mail.host}, {@code .port}, {@code .from},
 * {@code .username}, {@code .password} and {@code .starttls}. Without a host, email is off.
 */
@ApplicationScoped
public class Mailer {

    static final String OFF = "Email is not set up on this Invigil, so no one can subscribe to it: the administrator "
            + "sets invigil.mail.host (environment INVIGIL_MAIL_HOST) and, as needed, invigil.mail.port, "
            + "invigil.mail.from, invigil.mail.username, invigil.mail.password and invigil.mail.starttls.";

    @Inject
    @ConfigProperty(name = "invigil.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "invigil.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "invigil.mail.from", defaultValue = "Invigil <invigil@localhost>")
    String from;

    @Inject
    @ConfigProperty(name = "invigil.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "invigil.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "invigil.mail.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "invigil.mail.timeout-seconds", defaultValue = "20")
    int timeoutSeconds;

    public Mailer() {
    }

    /** For unit tests. */
    Mailer(Optional<String> host, int port) {
        this.host = host;
        this.port = port;
        this.from = "Invigil <invigil@localhost>";
        this.username = Optional.empty();
        this.password = Optional.empty();
    }

    public boolean isOn() {
        return host.filter(value -> !value.isBlank()).isPresent();
    }

    /** Why email is off, for the subscription API; empty when it is on. */
    public Optional<String> whyOff() {
        return isOn() ? Optional.empty() : Optional.of(OFF);
    }

    /** A valid single address, or refused. */
    static String address(String value) {
        try {
            InternetAddress address = new InternetAddress(value == null ? "" : value.strip(), true);
            address.validate();
            String text = address.getAddress();
            if (address.getPersonal() != null || !text.contains("@") || text.length() > 320) {
                throw new AddressException("not a plain address");
            }
            return text;
        } catch (AddressException e) {
            throw NotificationRefused.badRequest("email_invalid", "\"" + value + "\" is not an email address.");
        }
    }

    public void send(String to, EmailMessage email) {
        if (!isOn()) {
            throw DeliveryFailed.retry("email is off (no invigil.mail.host)", null);
        }
        Properties properties = new Properties();
        String timeout = String.valueOf(timeoutSeconds * 1000L);
        properties.put("mail.smtp.host", host.orElseThrow().strip());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        if (starttls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        boolean authenticate = username.filter(value -> !value.isBlank()).isPresent();
        if (authenticate) {
            properties.put("mail.smtp.auth", "true");
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(email.subject(), "UTF-8");
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            if (authenticate) {
                Transport.send(message, username.get(), password.orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw DeliveryFailed.retry("SMTP " + host.orElse("") + ":" + port + " refused: " + e.getMessage(), e);
        }
    }
}
