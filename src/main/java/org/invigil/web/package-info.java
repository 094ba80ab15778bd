/**
 * What every HTTP answer shares: the two JAX-RS applications ({@code /lti} for the LMS and the browser pages it
 * opens, {@code /api} for JSON callers), the page layout, and problem answers (RFC 9457 {@code application/problem+json}
 * for API callers, an HTML page for browsers) so that no caller ever sees a stack trace.
 */
package org.invigil.web;
