/**
 * A proctored attempt: one student in one exam, from consent through the system, identity and liveness checks to
 * monitoring and its end; with the session's own data key, under which its evidence is sealed (envelope encryption:
 * the data key is wrapped by the master key).
 */
package org.invigil.session;
