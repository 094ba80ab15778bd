package org.invigil.persistence.control;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The one datasource. Every attribute can be overridden at deploy time through MicroProfile Config (system property
 * or environment variable), so PostgreSQL needs no rebuild:
 * {@code INVIGIL_DB_DATA_SOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource INVIGIL_DB_URL=jdbc:postgresql://...}.
 * <p>
 * The defaults give an embedded Derby database inside {@link DataDirectory}. Payara resolves these placeholders
 * before the application's own configuration file is read, so each carries its default inline.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=invigil.db.data-source-class:org.invigil.persistence.control.EmbeddedDerby}",
        url = "${MPCONFIG=invigil.db.url:}",
        user = "${MPCONFIG=invigil.db.user:}",
        password = "${MPCONFIG=invigil.db.password:}",
        minPoolSize = 1,
        maxPoolSize = 32,
        transactional = true)
public final class Database {

    public static final String JNDI_NAME = "java:app/jdbc/invigil";

    private Database() {
    }
}
