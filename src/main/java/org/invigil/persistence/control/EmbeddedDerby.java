package org.invigil.persistence.control;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The zero-configuration default: an embedded Derby database in {@code <data-dir>/derby}, created on first start.
 * Derby's own data source ignores a JDBC URL, so the location is set here.
 */
public class EmbeddedDerby extends EmbeddedDataSource {

    private static final long serialVersionUID = 1L;

    public EmbeddedDerby() {
        setDatabaseName(DataDirectory.path().resolve("derby").toString());
        setCreateDatabase("create");
    }

    /** Derby ignores a URL; Payara may still pass an empty one from the shared datasource definition. */
    public void setUrl(String ignored) {
        // the location comes from the data directory
    }
}
