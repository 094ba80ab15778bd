package org.invigil.identity.control;

import static org.invigil.identity.control.Zips.archive;
import static org.invigil.identity.control.Zips.jpeg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.invigil.access.entity.Roles;
import org.invigil.access.entity.ToolSession;
import org.invigil.identity.control.BulkReport.Line;
import org.invigil.identity.control.BulkReport.Outcome;
import org.invigil.identity.entity.ReferencePhoto;
import org.invigil.ids.entity.ExamId;
import org.invigil.refusal.entity.Refusal;
import org.invigil.roster.entity.Member;
import org.invigil.web.boundary.RefusalMapper;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkReferencesTest {

    /** Photos whose size says how many faces they show, as {@link References#upload} would count them. */
    static final class CountingReferences extends References {
        final List<String> stored = new ArrayList<>();

        @Override
        public ReferencePhoto upload(String platformId, String contextId, String userId, byte[] jpeg) {
            if (jpeg.length == 99) {
                throw new IllegalStateException("the database went away");
            }
            int faces = jpeg.length % 10;
            if (faces != 1) {
                throw new ProblemException(new Problem(422, "reference_faces", "Not a usable reference photo",
                        "A reference photo must show exactly one face; this one shows " + faces + "."));
            }
            stored.add(platformId + "/" + contextId + "/" + userId);
            return null;
        }
    }

    static Member member(String userId, String name, String email, String username) {
        return new Member(userId, "Active", Roles.parse(Set.of("Learner")), Optional.of(name), Optional.empty(),
                Optional.empty(), Optional.ofNullable(email), Optional.empty(), Optional.ofNullable(username));
    }

    static final ToolSession STAFF = new ToolSession("platform", "https://lms.example.edu", "client", "deployment",
            Optional.of("course"), Optional.of("Course"), Optional.of("link"), Optional.of("exam"), "60", "Sett Ings",
            Optional.empty(), Optional.empty(), Set.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"),
            ToolSession.Audience.STAFF, Optional.empty(), Optional.empty(), java.time.Instant.MAX);

    static final List<Member> ROSTER = List.of(
            member("3", "Stu Dent", "stu@example.edu", "student1"),
            member("4", "Bea Baduploads", "bea@example.edu", "bea"),
            member("5", "Dee Cline", "DEE@Example.edu", "dee"),
            member("6", "Twin One", "twins@example.edu", "twin1"),
            member("7", "Twin Two", "twins@example.edu", "twin2"));

    CountingReferences references;
    BulkReferences bulk;

    @BeforeEach
    void wire() {
        references = new CountingReferences();
        bulk = new BulkReferences();
        bulk.references = references;
    }

    BulkReport upload(Zips zip) {
        return bulk.upload("platform", "course", ROSTER, new ByteArrayInputStream(zip.bytes()),
                ReferenceArchive.Limits.DEFAULT);
    }

    static Map<String, Line> byFile(BulkReport report) {
        return report.lines().stream().collect(Collectors.toMap(Line::file, line -> line));
    }

    @Test
    void matchesFilesByUserIdEmailOrUsernameInAnyCase() {
        BulkReport report = upload(archive().with("3.jpg", jpeg(11)).with("photos/bea@example.edu.JPG", jpeg(21))
                .with("dee@example.EDU.jpeg", jpeg(31)));
        assertEquals("3 matched, 0 unmatched, 0 rejected, 0 duplicates", report.summary());
        assertEquals(Set.of("platform/course/3", "platform/course/4", "platform/course/5"),
                Set.copyOf(references.stored));
        assertEquals("Bea Baduploads", byFile(report).get("photos/bea@example.edu.JPG").student());
    }

    @Test
    void usernamesMatchToo() {
        BulkReport report = upload(archive().with("student1.jpeg", jpeg(11)));
        assertEquals("3", report.lines().get(0).userId());
        assertEquals(Outcome.MATCHED, report.lines().get(0).outcome());
    }

    @Test
    void reportsFilesThatNameNobodyOnTheRoster() {
        BulkReport report = upload(archive().with("99.jpg", jpeg(11)).with("stranger@example.edu.jpg", jpeg(11)));
        assertEquals(2, report.count(Outcome.UNMATCHED));
        assertTrue(byFile(report).get("99.jpg").detail().contains("\"99\""), byFile(report).get("99.jpg").detail());
        assertTrue(references.stored.isEmpty());
    }

    @Test
    void aNameTwoMembersShareMatchesNeither() {
        BulkReport report = upload(archive().with("twins@example.edu.jpg", jpeg(11)));
        assertEquals(Outcome.UNMATCHED, report.lines().get(0).outcome());
    }

    @Test
    void rejectsPhotosWithoutExactlyOneFaceSayingWhy() {
        BulkReport report = upload(archive().with("3.jpg", jpeg(10)).with("4.jpg", jpeg(12)));
        assertEquals(2, report.count(Outcome.REJECTED));
        assertTrue(byFile(report).get("3.jpg").detail().contains("shows 0"), byFile(report).get("3.jpg").detail());
        assertTrue(byFile(report).get("4.jpg").detail().contains("shows 2"));
    }

    @Test
    void rejectsFilesThatAreNotJpegsWhateverTheirName() {
        BulkReport report = upload(archive().with("3.png", jpeg(11)).with("4.jpg", "GIF89a.....".getBytes()));
        assertEquals(2, report.count(Outcome.REJECTED));
        assertTrue(byFile(report).get("3.png").detail().startsWith("Not a JPEG"));
        assertTrue(byFile(report).get("4.jpg").detail().contains("content is not JPEG"));
        assertTrue(references.stored.isEmpty());
    }

    @Test
    void rejectsAPhotoLargerThanTheLimit() {
        BulkReport report = bulk.upload("platform", "course", ROSTER, new ByteArrayInputStream(archive()
                        .with("3.jpg", jpeg(2 * 1024 * 1024 + 1)).bytes()),
                new ReferenceArchive.Limits(10 * 1024 * 1024, 10, 1024 * 1024, 10 * 1024 * 1024));
        assertEquals(Outcome.REJECTED, report.lines().get(0).outcome());
        assertTrue(report.lines().get(0).detail().contains("larger than 1 MB"), report.lines().get(0).detail());
    }

    @Test
    void usesNoneOfSeveralPhotosOfTheSameStudent() {
        BulkReport report = upload(archive().with("3.jpg", jpeg(11)).with("stu@example.edu.jpg", jpeg(21))
                .with("4.jpg", jpeg(11)));
        assertEquals(2, report.count(Outcome.DUPLICATE));
        assertTrue(byFile(report).get("3.jpg").detail().contains("stu@example.edu.jpg"));
        assertEquals(List.of("platform/course/4"), references.stored);
    }

    @Test
    void takesItsLimitsFromTheConfiguration() {
        bulk.maxArchiveBytes = 1000;
        bulk.maxEntries = 3;
        bulk.maxEntryBytes = 100;
        bulk.maxUnpackedBytes = 2000;
        assertEquals(new ReferenceArchive.Limits(1000, 3, 100, 2000), bulk.limits());
    }

    @Test
    void theConfigurationDefaultsAreTheDefaultLimits() throws Exception {
        java.util.function.Function<String, String> byDefault = field -> {
            try {
                return BulkReferences.class.getDeclaredField(field).getAnnotation(
                        org.eclipse.microprofile.config.inject.ConfigProperty.class).defaultValue();
            } catch (NoSuchFieldException e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(ReferenceArchive.Limits.DEFAULT, new ReferenceArchive.Limits(
                Long.parseLong(byDefault.apply("maxArchiveBytes")), Integer.parseInt(byDefault.apply("maxEntries")),
                Long.parseLong(byDefault.apply("maxEntryBytes")), Long.parseLong(byDefault.apply("maxUnpackedBytes"))));
    }

    @Test
    void refusesAnArchiveDeclaredOverTheCapBeforeReadingItOrAskingTheLms() {
        bulk.maxArchiveBytes = 1000;
        bulk.maxEntries = 10;
        bulk.maxEntryBytes = 1000;
        bulk.maxUnpackedBytes = 10_000;
        // No exam lookup, no roster (NRPS) call, no byte read: exams and roster are not even wired here.
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the archive was read");
            }
        };
        Refusal refused = assertThrows(Refusal.class, () -> bulk.upload(STAFF, ExamId.of("exam"),
                untouchable, 1001));
        assertEquals(413, RefusalMapper.problem(refused).status());
        assertEquals("zip_archive_too_large", refused.code());
        assertTrue(refused.detail().contains("at most 1000 bytes"), refused.detail());
        assertTrue(references.stored.isEmpty());
    }

    @Test
    void anArchiveThatArrivesLargerThanTheCapStoresNoneOfItsPhotos() {
        byte[] noise = jpeg(4000);
        new Random(7).nextBytes(noise);
        noise[0] = (byte) 0xff;
        noise[1] = (byte) 0xd8;
        noise[2] = (byte) 0xff;
        // Two good photos first, then incompressible bytes that take the archive past the cap: nothing is stored.
        byte[] zip = archive().with("3.jpg", jpeg(11)).with("4.jpg", jpeg(21)).with("5.jpg", noise).bytes();
        Refusal refused = assertThrows(Refusal.class, () -> bulk.upload("platform", "course",
                ROSTER, new ByteArrayInputStream(zip), new ReferenceArchive.Limits(3000, 10, 10_000, 100_000)));
        assertEquals(413, RefusalMapper.problem(refused).status());
        assertEquals("zip_archive_too_large", refused.code());
        assertTrue(references.stored.isEmpty(), references.stored.toString());
    }

    @Test
    void tellsWhatWasStoredAtTheEnd() {
        List<String> told = new ArrayList<>();
        bulk.upload("platform", "course", ROSTER, new ByteArrayInputStream(archive().with("3.jpg", jpeg(11))
                        .with("99.jpg", jpeg(11)).with("4.jpg", jpeg(12)).bytes()), ReferenceArchive.Limits.DEFAULT,
                (report, complete) -> told.add(BulkReferences.auditDetail(report, complete)));
        assertEquals(List.of("1 matched, 1 unmatched, 1 rejected, 0 duplicates; stored for students 3"), told);
    }

    @Test
    void tellsWhatWasStoredWhenAnErrorStopsTheUploadHalfway() {
        List<String> told = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> bulk.upload("platform", "course", ROSTER,
                new ByteArrayInputStream(archive().with("3.jpg", jpeg(11)).with("4.jpg", jpeg(99))
                        .with("5.jpg", jpeg(11)).bytes()), ReferenceArchive.Limits.DEFAULT,
                (report, complete) -> told.add(BulkReferences.auditDetail(report, complete))));
        assertEquals(List.of("stopped by an error; so far 1 matched, 0 unmatched, 0 rejected, 0 duplicates; "
                + "stored for students 3"), told);
        assertEquals(List.of("platform/course/3"), references.stored);
    }

    @Test
    void aRefusedArchiveTellsNothingSinceNothingWasStored() {
        List<String> told = new ArrayList<>();
        assertThrows(Refusal.class, () -> bulk.upload("platform", "course", ROSTER,
                new ByteArrayInputStream(new byte[] {1, 2, 3}), ReferenceArchive.Limits.DEFAULT,
                (report, complete) -> told.add(BulkReferences.auditDetail(report, complete))));
        assertTrue(told.isEmpty(), told.toString());
    }
}
