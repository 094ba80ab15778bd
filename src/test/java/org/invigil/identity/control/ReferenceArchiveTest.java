package org.invigil.identity.control;

import static org.invigil.identity.control.Zips.archive;
import static org.invigil.identity.control.Zips.jpeg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.invigil.refusal.entity.Refusal;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.Test;

class ReferenceArchiveTest {

    static final ReferenceArchive.Limits SMALL = new ReferenceArchive.Limits(100_000, 5, 1000, 3000);

    static List<ReferenceArchive.Entry> read(Zips zip, ReferenceArchive.Limits limits) {
        return ReferenceArchive.read(new ByteArrayInputStream(zip.bytes()), limits);
    }

    @Test
    void readsEachFileWithItsNameWithoutFolders() {
        List<ReferenceArchive.Entry> entries = read(archive().with("3.jpg", jpeg(10))
                .with("class/stu@example.edu.jpg", jpeg(20)), SMALL);
        assertEquals(List.of("3.jpg", "stu@example.edu.jpg"), entries.stream().map(ReferenceArchive.Entry::fileName)
                .toList());
        assertEquals("class/stu@example.edu.jpg", entries.get(1).path());
        assertArrayEquals(jpeg(20), entries.get(1).bytes());
    }

    @Test
    void entriesThatClimbOutOfTheArchiveKeepOnlyTheirFileName() {
        List<ReferenceArchive.Entry> entries = read(archive().with("../../etc/3.jpg", jpeg(10))
                .with("/abs/4.jpg", jpeg(10)).with("..\\..\\5.jpg", jpeg(10)), SMALL);
        assertEquals(List.of("3.jpg", "4.jpg", "5.jpg"), entries.stream().map(ReferenceArchive.Entry::fileName)
                .toList());
    }

    @Test
    void skipsFoldersHiddenFilesAndMacResourceForks() {
        List<ReferenceArchive.Entry> entries = read(archive().with("photos/", new byte[0])
                .with(".DS_Store", new byte[5]).with("__MACOSX/._3.jpg", new byte[5])
                .with(".git/3.jpg", jpeg(10)).with("photos/.hidden.jpg", jpeg(10)).with("photos/3.jpg", jpeg(10)),
                new ReferenceArchive.Limits(100_000, 10, 1000, 3000));
        assertEquals(List.of("photos/3.jpg"), entries.stream().map(ReferenceArchive.Entry::path).toList());
    }

    @Test
    void anEntryLargerThanTheLimitIsReportedNotRead() {
        List<ReferenceArchive.Entry> entries = read(archive().with("3.jpg", jpeg(1001)).with("4.jpg", jpeg(999)),
                SMALL);
        assertEquals(Optional.of("larger than 1000 bytes"), entries.get(0).refusal());
        assertEquals(0, entries.get(0).bytes().length);
        assertEquals(Optional.empty(), entries.get(1).refusal());
    }

    @Test
    void refusesAnArchiveWithTooManyEntries() {
        Zips zip = archive();
        for (int i = 0; i < 6; i++) {
            zip.with(i + ".jpg", jpeg(10));
        }
        Refusal refused = assertThrows(Refusal.class, () -> read(zip, SMALL));
        assertEquals("zip_too_many_entries", refused.code());
    }

    @Test
    void refusesAnArchiveThatInflatesBeyondTheTotalLimitWhateverItDeclares() {
        // 4 x 900 bytes of zeros compress to almost nothing: the limit counts what is inflated.
        Zips zip = archive().with("1.jpg", jpeg(900)).with("2.jpg", jpeg(900)).with("3.jpg", jpeg(900))
                .with("4.jpg", jpeg(900));
        assertTrue(zip.bytes().length < 3000);
        Refusal refused = assertThrows(Refusal.class, () -> read(zip, SMALL));
        assertEquals("zip_too_large", refused.code());
        assertEquals(422, RefusalMapper.problem(refused).status());
    }

    @Test
    void refusesWhatIsNotAZipArchive() {
        Refusal refused = assertThrows(Refusal.class, () -> ReferenceArchive.read(
                new ByteArrayInputStream(jpeg(100)), SMALL));
        assertEquals("zip_empty", refused.code());
    }

    @Test
    void refusesAnArchiveDeclaredLargerThanTheCapBeforeReadingIt() {
        Refusal refused = assertThrows(Refusal.class,
                () -> ReferenceArchive.refuseIfLarger(300L * 1024 * 1024 + 1, ReferenceArchive.Limits.DEFAULT));
        assertEquals(413, RefusalMapper.problem(refused).status());
        assertEquals("zip_archive_too_large", refused.code());
        assertEquals("The archive is 300.0 MB; at most 200 MB is accepted. Upload the photos in several smaller "
                + "archives.", refused.detail());
        assertDoesNotThrow(() -> ReferenceArchive.refuseIfLarger(200L * 1024 * 1024, ReferenceArchive.Limits.DEFAULT));
        assertDoesNotThrow(() -> ReferenceArchive.refuseIfLarger(-1, ReferenceArchive.Limits.DEFAULT),
                "a size not declared is capped while reading");
    }

    @Test
    void refusesAnArchiveThatTurnsOutLargerThanTheCapWhileReadingAndStopsReadingIt() {
        byte[] noise = new byte[20_000];
        new Random(1).nextBytes(noise);
        byte[] zip = archive().with("3.jpg", noise).bytes();
        Counting in = new Counting(zip);
        Refusal refused = assertThrows(Refusal.class, () -> ReferenceArchive.read(in,
                new ReferenceArchive.Limits(5000, 5, 100_000, 100_000)));
        assertEquals(413, RefusalMapper.problem(refused).status());
        assertEquals("zip_archive_too_large", refused.code());
        assertTrue(refused.detail().contains("larger than 4 KB"), refused.detail());
        assertTrue(in.read < 5000 + 1024, "read " + in.read + " of " + zip.length + " bytes");
    }

    @Test
    void readsAnArchiveOfExactlyTheCap() {
        byte[] zip = archive().with("3.jpg", jpeg(10)).bytes();
        assertEquals(1, ReferenceArchive.read(new ByteArrayInputStream(zip),
                new ReferenceArchive.Limits(zip.length, 5, 1000, 3000)).size());
    }

    @Test
    void statesItsLimitsInWords() {
        assertEquals("At most 200 MB per archive and 2000 files, 5 MB each, 250 MB once unpacked.",
                ReferenceArchive.Limits.DEFAULT.sentence());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ReferenceArchive.Limits(0, 5, 1000, 3000));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceArchive.Limits(1000, 0, 1000, 3000));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceArchive.Limits(1000, 5, -1, 3000));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceArchive.Limits(1000, 5, 1000, 0));
    }

    /** The bytes the archive reader took from the stream. */
    static final class Counting extends InputStream {
        private final ByteArrayInputStream in;
        int read;

        Counting(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            int b = in.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
