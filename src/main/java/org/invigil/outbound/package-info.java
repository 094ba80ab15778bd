/**
 * Calls from the tool to platforms (discovery, registration, tokens, AGS, NRPS): bounded time, bounded size, and an
 * address policy — HTTPS, or plain HTTP to loopback for development — so that a URL a platform hands us cannot
 * turn the tool into a proxy for arbitrary requests; and the retry state every message on its way out keeps
 * ({@code Retries}: due, attempts, delivered, last error, held by a node), shared by the grade outbox and the
 * notification queue.
 */
package org.invigil.outbound;
