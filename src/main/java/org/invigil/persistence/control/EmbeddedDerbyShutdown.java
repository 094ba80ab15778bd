package org.invigil.persistence.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Shuts the embedded Derby database down when the application stops or is undeployed, after every other singleton
 * (they depend on {@link Migrations}, which depends on this one). Derby keeps its database locked by the engine of
 * the class loader that booted it: without a shutdown, the same application deployed again in the same server (as
 * Payara Micro does when it is restarted on a kept {@code --rootdir}: it deploys the stored application, then
 * redeploys the one given with {@code --deploy}) cannot open its database ("Another instance of Derby may have
 * already booted the database") and the application is dead. A stop of the server shuts it down too (a JVM shutdown
 * hook), so that the next start finds a cleanly closed database; after a {@code kill -9} Derby recovers from its
 * log at the next boot. Nothing to do on any other database.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedDerbyShutdown {

    private static final Logger LOG = Logger.getLogger(EmbeddedDerbyShutdown.class.getName());
    /** Derby's SQL states for "database shut down" and "system shut down": the successful outcomes. */
    private static final String DATABASE_SHUT_DOWN = "08006";
    private static final String SYSTEM_SHUT_DOWN = "XJ015";

    private boolean embedded;
    private Thread atExit;

    /** A stop of the whole server (Ctrl-C, {@code kill}) ends the JVM without undeploying: shut down then, too. */
    @PostConstruct
    void atStart() {
        embedded = embedded();
        if (embedded) {
            atExit = new Thread(this::shutDown, "invigil-derby-shutdown");
            Runtime.getRuntime().addShutdownHook(atExit);
        }
    }

    @PreDestroy
    void atStop() {
        if (atExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(atExit);
            } catch (IllegalStateException e) {
                return; // the JVM is exiting: the hook does it
            }
        }
        shutDown();
    }

    synchronized void shutDown() {
        if (!embedded) {
            return;
        }
        embedded = false;
        EmbeddedDataSource database = new EmbeddedDerby();
        database.setCreateDatabase(null);
        database.setShutdownDatabase("shutdown");
        try (Connection ignored = database.getConnection()) {
            LOG.warning("Embedded Derby did not report its shutdown");
        } catch (SQLException e) {
            if (DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                LOG.info(() -> "Embedded Derby database " + database.getDatabaseName() + " shut down cleanly");
            } else {
                LOG.log(Level.WARNING, "Embedded Derby could not be shut down: " + e.getMessage(), e);
            }
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
        } catch (SQLException e) {
            if (!SYSTEM_SHUT_DOWN.equals(e.getSQLState())) {
                LOG.log(Level.FINE, "The embedded Derby engine did not shut down", e);
            }
        }
    }

    /** Whether the datasource is the embedded default, read as {@link Database} reads it. */
    static boolean embedded() {
        String configured = ConfigProvider.getConfig().getOptionalValue("invigil.db.data-source-class", String.class)
                .map(String::trim).filter(value -> !value.isEmpty()).orElse(EmbeddedDerby.class.getName());
        return EmbeddedDerby.class.getName().equals(configured);
    }
}
