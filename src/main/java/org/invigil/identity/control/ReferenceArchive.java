package org.invigil.identity.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * The photos of a zip archive an instructor uploads, read in memory and never written to disk. Only the file name of
 * each entry counts (folders inside the archive are ignored, so no entry can point outside it); folders, hidden files
 * and macOS resource forks are skipped. The limits hold against what is actually inflated, not what the archive
 * declares: too many entries or too much in total refuses the archive, one entry too large is reported.
 */
public final class ReferenceArchive {

    /** The bounds an archive must stay within. */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        public static final Limits DEFAULT = new Limits(2000, 5L * 1024 * 1024, 500L * 1024 * 1024);
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

    public static List<Entry> read(InputStream zip, Limits limits) {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        int seen = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
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
                    if (total > limits.maxTotalBytes()) {
                        throw refused("zip_too_large", "The archive holds more than "
                                + size(limits.maxTotalBytes()) + " once unpacked; upload it in parts.");
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

    static String size(long bytes) {
        long mb = 1024 * 1024;
        return bytes >= mb && bytes % mb == 0 ? bytes / mb + " MB" : bytes >= 1024 ? bytes / 1024 + " KB"
                : bytes + " bytes";
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

    private static ProblemException refused(String code, String detail) {
        return new ProblemException(new Problem(422, code, "Archive not used", detail));
    }
}
