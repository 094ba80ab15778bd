/**
 * The tool's own RSA signing keys (RFC 7517 JSON Web Keys, published as a JWKS per LTI Security Framework 1.0
 * §6.3): generated on first start, private halves sealed with the master key, rotated on a schedule with the
 * previous key kept in the published set for a grace period.
 */
package org.invigil.keys;
