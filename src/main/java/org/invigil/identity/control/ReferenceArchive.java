package org.invigil.identity.control;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.invigil.refusal.entity.Refusal.Kind;

/**
 * The photos of a zip archive an instructor uploads, read in memory and never written to disk. Only the file name of
 * each entry counts (folders inside the archive are ignored, so no entry can point outside it); folders, hidden files
 * and macOS resource forks are skipped. The archive as sent is capped before a byte of it is read (by the size its
 * sender declares) and while it is read (by the bytes that actually arrive). The other limits hold against what is
 * actually inflated, not what the archive declares: too many entries or too much in total refuses the archive, one
 * entry too large is reported. A refused archive is refused whole, before any photo of it is used.
 */
public final class ReferenceArchive {

    private static final long MB = 1024 * 1024;

    /**
     * The bounds an archive must stay within.
     *
     * @param maxArchiveBytes  the archive as sent (compressed)
     * @param maxEntries       entries of any kind, folders and skipped files included
     * @param maxEntryBytes    one photo, inflated; a larger one is reported, not read
     * @param maxUnpackedBytes all entries together, inflated (what a zip bomb would blow up)
     */
    public record Limits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxUnpackedBytes) {

        public static final Limits DEFAULT = new Limits(200 * MB, 2000, 5 * MB, 250 * MB);

        public Limits {
            if (maxArchiveBytes < 1 || maxEntries < 1 || maxEntryBytes < 1 || maxUnpackedBytes < 1) {
                throw new IllegalArgumentException("The limits of a reference-photo archive must be positive: "
                        + maxArchiveBytes + " bytes, " + maxEntries + " entries, " + maxEntryBytes + " bytes each, "
                        + maxUnpackedBytes + " bytes unpacked.");
            }
        }

        /** The limits as the upload screen states them. */
        public String sentence() {
            return "At most " + size(maxArchiveBytes) + " per archive and " + maxEntries + " files, "
                    + size(maxEntryBytes) + " each, " + size(maxUnpackedBytes) + " once unpacked.";
        }
    }

    /**
     * One file of the archive: its name without folders, and its bytes, or why they were not read.
     *
     * @param path the entry's name as the archive gives it, for the report
     */
    public record Entry(String path, String fileName, byte[] bytes, Optional<String> refusal) {
    }

    private ReferenceArchive() {
    }

    /**
     * Refuses an archive whose sender declares it larger than the cap ({@code Content-Length}, the size of an uploaded
     * file), before anything of it is read; {@code declaredBytes} below zero: not declared, the cap then holds while
     * reading.
     */
    public static void refuseIfLarger(long declaredBytes, Limits limits) {
        if (declaredBytes > limits.maxArchiveBytes()) {
            throw archiveTooLarge("The archive is " + size(declaredBytes) + "; at most " + size(limits.maxArchiveBytes())
                    + " is accepted. Upload the photos in several smaller archives.");
        }
    }

    /** Reads every entry within the limits, or refuses the whole archive. */
    public static List<Entry> read(InputStream zip, Limits limits) {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        int seen = 0;
        try (ZipInputStream in = new ZipInputStream(new Capped(zip, limits.maxArchiveBytes()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++seen > limits.maxEntries()) {
                    throw refused("zip_too_many_entries", "The archive has more than " + limits.maxEntries()
                            + " entries; upload it in parts.");
                }
                String path = entry.getName();
                String fileName = fileName(path);
                if (entry.isDirectory() || skipped(path, fileName)) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                long size = 0;
                boolean tooLarge = false;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (total > limits.maxUnpackedBytes()) {
                        throw refused("zip_too_large", "The archive holds more than "
                                + size(limits.maxUnpackedBytes()) + " once unpacked; upload it in parts.");
                    }
                    if (size > limits.maxEntryBytes()) {
                        tooLarge = true;
                    } else {
                        bytes.write(buffer, 0, read);
                    }
                }
                entries.add(tooLarge
                        ? new Entry(path, fileName, new byte[0], Optional.of("larger than "
                                + size(limits.maxEntryBytes())))
                        : new Entry(path, fileName, bytes.toByteArray(), Optional.empty()));
            }
        } catch (ZipException e) {
            throw refused("zip_unreadable", "This is not a zip archive Invigil can read (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw refused("zip_unreadable", "The archive could not be read: " + e.getMessage());
        }
        if (seen == 0) {
            throw refused("zip_empty", "The archive is empty or not a zip archive.");
        }
        return entries;
    }

    /** "200 MB", "4.5 MB", "300 KB", "1000 bytes". */
    static String size(long bytes) {
        if (bytes >= MB) {
            return bytes % MB == 0 ? bytes / MB + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
        }
        return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** The last part of the entry's name: {@code photos/3.jpg} and {@code ../../3.jpg} are both {@code 3.jpg}. */
    static String fileName(String path) {
        String normalised = path.replace('\\', '/');
        return normalised.substring(normalised.lastIndexOf('/') + 1);
    }

    /** Hidden files, files in hidden folders, and the resource forks macOS adds to the archives it makes. */
    private static boolean skipped(String path, String fileName) {
        if (fileName.isEmpty()) {
            return true;
        }
        for (String segment : path.replace('\\', '/').split("/")) {
            if (segment.equals("__MACOSX") || segment.startsWith(".") && !segment.equals(".") && !segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static ReferenceRefused refused(String code, String detail) {
        return new ReferenceRefused(Kind.UNUSABLE, code, "Archive not used", detail);
    }

    private static ReferenceRefused archiveTooLarge(String detail) {
        return new ReferenceRefused(Kind.TOO_LARGE, "zip_archive_too_large", "Archive too large", detail);
    }

    /** The archive as it arrives, refused as soon as more than the cap has come: no sender's word is trusted. */
    private static final class Capped extends FilterInputStream {

        private final long cap;
        private long count;

        Capped(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long bytes) {
            count += bytes;
            if (count > cap) {
                throw archiveTooLarge("The archive is larger than " + size(cap) + ", the most accepted. Upload the "
                        + "photos in several smaller archives.");
            }
        }
    }
}
