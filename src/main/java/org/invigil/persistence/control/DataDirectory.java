package org.invigil.persistence.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Invigil keeps its local files: the embedded database and, when none is configured, the generated master
 * key. Read from the system property {@code invigil.data-dir} or the environment variable {@code INVIGIL_DATA_DIR},
 * default {@code ./invigil-data}; created on first use.
 * <p>
 * Read directly rather than through MicroProfile Config because the datasource needs it before the application's
 * configuration exists.
 */
public final class DataDirectory {

    public static final String PROPERTY = "invigil.data-dir";
    public static final String ENVIRONMENT = "INVIGIL_DATA_DIR";

    private DataDirectory() {
    }

    public static Path path() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENVIRONMENT);
        }
        if (configured == null || configured.isBlank()) {
            configured = "invigil-data";
        }
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
        return dir;
    }
}
