package org.invigil.persistence.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.invigil.readiness.control.Readiness;

/**
 * Brings the schema to the newest version before the application serves anything. Migrations live in
 * {@code db/migration} as {@code V<n>__<what>.sql}, written in SQL that both Derby and PostgreSQL accept; a released
 * migration is never edited, only followed by a new one. Once they ran, the database part of {@link Readiness} is done.
 * <p>
 * Every singleton that uses the database depends on this one, and this one on {@link EmbeddedDerbyShutdown}: at
 * stop the container destroys them in the reverse order, so the embedded database is shut down last.
 */
@Startup
@Singleton
@DependsOn("EmbeddedDerbyShutdown")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Readiness readiness;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("schema_history")
                .placeholders(typesFor(productName()))
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
        readiness.done(Readiness.Part.DATABASE);
    }

    /** The few column types SQL does not spell the same on every database. */
    static Map<String, String> typesFor(String productName) {
        if (productName.toLowerCase(Locale.ROOT).contains("derby")) {
            return Map.of("binary", "VARCHAR(4096) FOR BIT DATA", "blob", "BLOB(16M)");
        }
        return Map.of("binary", "BYTEA", "blob", "BYTEA");
    }

    private String productName() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it", e);
        }
    }
}
