package org.invigil.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.control.AuditLog;
import org.invigil.exam.control.ExamUnknown;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.identity.control.BulkReport.Line;
import org.invigil.identity.control.BulkReport.Outcome;
import org.invigil.ids.entity.ExamId;
import org.invigil.refusal.entity.Refusal;
import org.invigil.roster.control.Roster;
import org.invigil.roster.entity.Member;

/**
 * Reference photos for a whole course from one zip archive whose files are named by the student's LMS user id,
 * email or username ({@code 3.jpg}, {@code stu@example.edu.jpg}, {@code student1.jpeg}), matched against the
 * course's students on the roster (NRPS). Each matched photo is stored as an instructor's upload, which must show exactly one face;
 * every file gets a line in the report. Each photo is stored in its own transaction: a rejected one does not undo
 * the others. The archive is read whole, within {@link ReferenceArchive.Limits} ({@code invigil.photos.bulk-max-bytes},
 * {@code -max-entries}, {@code -max-entry-bytes}, {@code -max-unpacked-bytes}), before any photo is stored: an archive
 * over a limit changes nothing. What an upload stored goes to the audit log, also when an error stops it halfway.
 */
@ApplicationScoped
public class BulkReferences {

    @Inject
    Exams exams;

    @Inject
    Roster roster;

    @Inject
    References references;

    @Inject
    AuditLog audit;

    /** Told once what an upload stored: at its end, or when an error stopped it halfway. */
    public interface Applied {
        void stored(BulkReport soFar, boolean complete);
    }

    @Inject
    @ConfigProperty(name = "invigil.photos.bulk-max-bytes", defaultValue = "209715200")
    long maxArchiveBytes;

    @Inject
    @ConfigProperty(name = "invigil.photos.bulk-max-entries", defaultValue = "2000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "invigil.photos.bulk-max-entry-bytes", defaultValue = "5242880")
    long maxEntryBytes;

    @Inject
    @ConfigProperty(name = "invigil.photos.bulk-max-unpacked-bytes", defaultValue = "262144000")
    long maxUnpackedBytes;

    /** The limits in force on this Invigil. */
    public ReferenceArchive.Limits limits() {
        return new ReferenceArchive.Limits(maxArchiveBytes, maxEntries, maxEntryBytes, maxUnpackedBytes);
    }

    /**
     * One of the exam's staff stores the archive's photos for the exam's students; audited.
     *
     * @param declaredBytes the archive's size as its sender declares it, refused before anything is read or fetched
     *                      when over the cap; below zero when not declared
     */
    public BulkReport upload(ToolSession staff, ExamId examId, InputStream zip, long declaredBytes) {
        StaffAccess.forExam(staff, examId);
        ReferenceArchive.Limits limits = limits();
        ReferenceArchive.refuseIfLarger(declaredBytes, limits);
        Exam exam = exams.byId(examId).orElseThrow(() -> new ExamUnknown(examId));
        List<Member> students = roster.of(examId).stream().filter(member -> !member.roles().isStaff()).toList();
        return upload(exam.platformId(), exam.contextId().orElse(""), students, zip, limits,
                (report, complete) -> audit.record(staff, "upload-references-zip", "exam:" + examId,
                        auditDetail(report, complete)));
    }

    BulkReport upload(String platformId, String contextId, List<Member> members, InputStream zip,
                      ReferenceArchive.Limits limits) {
        return upload(platformId, contextId, members, zip, limits, (report, complete) -> {
        });
    }

    BulkReport upload(String platformId, String contextId, List<Member> members, InputStream zip,
                      ReferenceArchive.Limits limits, Applied applied) {
        List<ReferenceArchive.Entry> entries = ReferenceArchive.read(zip, limits);
        RosterNames names = new RosterNames(members);
        List<Line> lines = new ArrayList<>();
        Map<String, List<ReferenceArchive.Entry>> byMember = new LinkedHashMap<>();
        for (ReferenceArchive.Entry entry : entries) {
            String stem = stem(entry.fileName());
            Optional<Member> member = names.find(stem).or(() -> names.find(entry.fileName()));
            if (member.isEmpty()) {
                lines.add(new Line(entry.path(), Outcome.UNMATCHED, "", "", "No member of the course has the LMS "
                        + "user id, email or username \"" + stem + "\"."));
            } else {
                byMember.computeIfAbsent(member.get().userId(), id -> new ArrayList<>()).add(entry);
            }
        }
        boolean complete = false;
        try {
            for (Map.Entry<String, List<ReferenceArchive.Entry>> photos : byMember.entrySet()) {
                Member member = names.byUserId(photos.getKey());
                if (photos.getValue().size() > 1) {
                    String files = String.join(", ", photos.getValue().stream().map(ReferenceArchive.Entry::path)
                            .toList());
                    photos.getValue().forEach(entry -> lines.add(new Line(entry.path(), Outcome.DUPLICATE,
                            member.userId(), member.displayName(), "Several files are for this student (" + files
                            + "); none was used. Keep one and upload again.")));
                } else {
                    lines.add(store(platformId, contextId, member, photos.getValue().get(0)));
                }
            }
            complete = true;
        } finally {
            applied.stored(new BulkReport(lines), complete);
        }
        return new BulkReport(lines);
    }

    /**
     * "1 matched, 1 unmatched, 1 rejected, 0 duplicates; stored for students 61"; an upload an error stopped says
     * so first.
     */
    static String auditDetail(BulkReport report, boolean complete) {
        List<String> stored = report.of(Outcome.MATCHED).stream().map(Line::userId).toList();
        return (complete ? "" : "stopped by an error; so far ") + report.summary()
                + (stored.isEmpty() ? "; nothing stored" : "; stored for students " + String.join(", ", stored));
    }

    private Line store(String platformId, String contextId, Member member, ReferenceArchive.Entry entry) {
        Function<String, Line> rejected = why -> new Line(entry.path(), Outcome.REJECTED, member.userId(),
                member.displayName(), why);
        if (entry.refusal().isPresent()) {
            return rejected.apply("The file is " + entry.refusal().get() + ".");
        }
        if (!jpegName(entry.fileName())) {
            return rejected.apply("Not a JPEG picture: send .jpg or .jpeg files.");
        }
        if (!isJpeg(entry.bytes())) {
            return rejected.apply("Not a JPEG picture: the file is named .jpg or .jpeg but its content is not JPEG.");
        }
        try {
            references.upload(platformId, contextId, member.userId(), entry.bytes());
            return new Line(entry.path(), Outcome.MATCHED, member.userId(), member.displayName(),
                    "Stored as the instructor's reference photo.");
        } catch (Refusal e) {
            return rejected.apply(e.detail());
        }
    }

    /** The name a file is matched by: its name less its ending ({@code stu@example.edu.jpg}: {@code stu@example.edu}). */
    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return (dot > 0 ? fileName.substring(0, dot) : fileName).strip();
    }

    static boolean jpegName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
    }

    /**
     * The roster's names a file may carry, in the order they are trusted: LMS user id (exact), then email and
     * username (any case). A name that two members share matches neither.
     */
    static final class RosterNames {

        private final Map<String, Member> byUserId = new LinkedHashMap<>();
        private final Map<String, Optional<Member>> byEmail = new LinkedHashMap<>();
        private final Map<String, Optional<Member>> byUsername = new LinkedHashMap<>();

        RosterNames(List<Member> members) {
            for (Member member : members) {
                byUserId.put(member.userId(), member);
                member.email().ifPresent(email -> index(byEmail, email, member));
                member.username().ifPresent(username -> index(byUsername, username, member));
            }
        }

        Optional<Member> find(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return Optional.ofNullable(byUserId.get(name))
                    .or(() -> byEmail.getOrDefault(lower, Optional.empty()))
                    .or(() -> byUsername.getOrDefault(lower, Optional.empty()));
        }

        Member byUserId(String userId) {
            return byUserId.get(userId);
        }

        private static void index(Map<String, Optional<Member>> index, String name, Member member) {
            String lower = name.strip().toLowerCase(Locale.ROOT);
            if (!lower.isEmpty()) {
                index.merge(lower, Optional.of(member), (a, b) -> a.equals(b) ? a : Optional.empty());
            }
        }
    }
}
