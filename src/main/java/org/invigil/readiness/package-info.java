/**
 * Whether the application can serve yet: until its database is migrated and its face models are loaded, API callers
 * are told to come back later (503 with {@code Retry-After}, RFC 9110 §15.6.4 and §10.2.3) instead of meeting a
 * half-started server.
 */
package org.invigil.readiness;
