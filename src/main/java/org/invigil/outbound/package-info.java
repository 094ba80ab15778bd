/**
 * Calls from the tool to platforms (discovery, registration, tokens, AGS, NRPS): bounded time, bounded size, and an
 * address policy — HTTPS, or plain HTTP to loopback for development — so that a URL a platform hands us cannot
 * turn the tool into a proxy for arbitrary requests.
 */
package org.invigil.outbound;
