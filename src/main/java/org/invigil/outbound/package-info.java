/**
 * Calls from the tool to the outside (discovery, registration, tokens, AGS, NRPS, JWKS, LMS pictures, webhooks):
 * one {@code OutboundPolicy} checked at each call on the resolved addresses — HTTPS to public addresses, or what an
 * administrator allows with {@code invigil.outbound.allow} — so that a URL a platform or a visitor hands us cannot
 * turn the tool into a proxy into its own network (SSRF); no redirects followed; one deadline over the whole call,
 * body included; bounded size. And the retry state every message on its way out keeps ({@code Retries}: due,
 * attempts, delivered, last error, held by a node), shared by the grade outbox and the notification queue.
 */
package org.invigil.outbound;
