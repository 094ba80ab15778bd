/**
 * Access to LTI Advantage services: OAuth 2.0 client credentials with a JWT client assertion (Security Framework
 * 1.0 §4.1, RFC 7523), tokens cached per registration and scope set, and platform failures as typed errors that
 * carry the platform's own message.
 */
package org.invigil.advantage;
