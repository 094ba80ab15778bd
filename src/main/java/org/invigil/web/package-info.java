/**
 * What every HTTP answer shares: the providers both JAX-RS applications register, the page layout, and problem
 * answers (RFC 9457 {@code application/problem+json} for API callers, an HTML page for browsers) so that no caller
 * ever sees a stack trace. It knows no feature: it uses only {@code json} and {@code refusal}.
 */
package org.invigil.web;
