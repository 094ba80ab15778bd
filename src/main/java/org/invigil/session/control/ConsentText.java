package org.invigil.session.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;

/**
 * What the student agrees to, in plain words, built from the exam's settings: what each enabled check captures,
 * who sees it, how long it is kept, how to respond or appeal, and what declining means. The version is a digest of
 * the text, so a consent always names the exact words it was given to.
 */
public record ConsentText(String version, List<Section> sections) {

    public record Section(String heading, String text) {
    }

    public static ConsentText of(ExamSettings settings, List<Check> activeChecks) {
        List<Section> sections = new ArrayList<>();
        String captured = activeChecks.isEmpty()
                ? "Nothing: no check is switched on for you in this exam."
                : activeChecks.stream().map(check -> check.title() + ": " + check.captures())
                .collect(Collectors.joining("\n"));
        sections.add(new Section("What is captured", captured));
        sections.add(new Section("Who sees it", "Your instructors and your institution's academic integrity "
                + "officers. Automated checks never decide anything: they point a person to moments worth a look, "
                + "and a person decides. Invigil does not share your data with anyone else."));
        sections.add(new Section("How long it is kept", "Pictures that back an incident are kept encrypted for "
                + settings.retentionDays() + " days after the exam and then deleted automatically. Every other "
                + "picture is deleted right after it is analysed. Sound is never recorded."));
        sections.add(new Section("Responding and appealing", "After the exam, open the same activity in your "
                + "course to see your own report: every incident, its evidence and why it was noted. You can write "
                + "a response before anyone decides, and appeal a decision through your institution's academic "
                + "integrity process."));
        sections.add(new Section("If you decline", "You will not be monitored and nothing is captured. Your "
                + "decision is recorded and shown to your instructor, who will arrange another way for you to take "
                + "the exam; the proctored quiz stays locked until then."));
        if (!settings.consentNote().isEmpty()) {
            sections.add(new Section("A note from your instructor", settings.consentNote()));
        }
        return new ConsentText(digest(sections), List.copyOf(sections));
    }

    private static String digest(List<Section> sections) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Section section : sections) {
                sha.update(section.heading().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(section.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
