package org.invigil.notification.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import org.invigil.access.entity.ToolSession;
import org.invigil.ids.entity.ExamId;
import org.invigil.notification.control.Mailer;
import org.invigil.notification.control.Subscriptions;
import org.invigil.notification.entity.Subscription;
import org.invigil.refusal.entity.Refusal;
import org.invigil.screens.boundary.ReviewerLogin;
import org.invigil.web.boundary.RefusalMapper;

/**
 * The review queue's panel "Email me when an attempt needs review": whether email is on, the reviewer's subscription
 * to the queue's exam and, for integrity officers, to every exam of the platform; subscribing (to the launch's
 * address or another one) and unsubscribing, one call into {@link Subscriptions} per action. A refusal becomes a
 * message on the panel, never an error page.
 */
@Named
@ViewScoped
public class SubscriptionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Problems about the address, said next to its field. */
    private static final Set<String> ADDRESS_PROBLEMS = Set.of("email_invalid", "email_missing");
    private static final String ADDRESS_FIELD = "email:address";

    /** One subscription as the panel shows it. */
    public record Line(String id, String email, String since) implements Serializable {

        static Line of(Subscription subscription) {
            return new Line(subscription.id(), subscription.email(), subscription.createdAt().toString());
        }
    }

    @Inject
    ReviewerLogin login;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Mailer mailer;

    private String examId;
    private boolean emailOn;
    private String emailOff;
    private boolean officer;
    private String address;
    private Line exam;
    private Line platform;

    /** Fills the panel for the queue's exam, once the queue has let the reviewer in. */
    public void load(String queueExamId) {
        if (FacesContext.getCurrentInstance().getResponseComplete() || queueExamId == null
                || queueExamId.isBlank()) {
            return;
        }
        try {
            ToolSession person = login.reviewer();
            emailOn = mailer.isOn();
            emailOff = mailer.whyOff().orElse(null);
            officer = person.isIntegrityOfficer();
            address = person.email().orElse("");
            for (Subscription subscription : subscriptions.of(person)) {
                if (subscription.isPlatformWide()) {
                    platform = Line.of(subscription);
                } else if (subscription.examId().filter(queueExamId::equals).isPresent()) {
                    exam = Line.of(subscription);
                }
            }
            examId = queueExamId;
        } catch (Refusal refused) {
            examId = null; // the queue itself answers a refused reviewer
        }
    }

    public void subscribeToExam() {
        try {
            exam = Line.of(subscriptions.toExam(login.reviewer(), ExamId.of(examId), Optional.ofNullable(address)));
            info("You will get an email at " + exam.email() + " when an attempt of this exam needs review.");
        } catch (Refusal refused) {
            refused(refused);
        }
    }

    public void subscribeToPlatform() {
        try {
            platform = Line.of(subscriptions.toPlatform(login.reviewer(), Optional.ofNullable(address)));
            info("You will get an email at " + platform.email() + " when an attempt of any exam of your "
                    + "institution needs review.");
        } catch (Refusal refused) {
            refused(refused);
        }
    }

    public void unsubscribeFromExam() {
        try {
            subscriptions.cancelExam(login.reviewer(), ExamId.of(examId));
            exam = null;
            info("You get no more email about this exam.");
        } catch (Refusal refused) {
            refused(refused);
        }
    }

    public void unsubscribeFromPlatform() {
        try {
            subscriptions.cancelPlatform(login.reviewer());
            platform = null;
            info("You get no more email about every exam of your institution.");
        } catch (Refusal refused) {
            refused(refused);
        }
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    private static void refused(Refusal refused) {
        String text = RefusalMapper.problem(refused).detail();
        FacesContext.getCurrentInstance().addMessage(ADDRESS_PROBLEMS.contains(RefusalMapper.problem(refused).code())
                ? ADDRESS_FIELD : null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    /** Whether the panel shows at all: the queue let the reviewer in. */
    public boolean isShown() {
        return examId != null;
    }

    public boolean isEmailOn() {
        return emailOn;
    }

    public String getEmailOff() {
        return emailOff;
    }

    public boolean isOfficer() {
        return officer;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Line getExamSubscription() {
        return exam;
    }

    public Line getPlatformSubscription() {
        return platform;
    }

    public boolean isSubscribed() {
        return exam != null || platform != null;
    }
}
