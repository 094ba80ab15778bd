/**
 * The database: the datasource (embedded Derby by default, any JDBC {@code DataSource} by configuration) and the
 * versioned schema migrations that run before anything else touches it.
 */
package org.invigil.persistence;
