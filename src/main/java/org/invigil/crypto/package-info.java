/**
 * Keys that protect data at rest: the master key and the authenticated encryption (AES-256-GCM, NIST SP 800-38D)
 * that seals tool private keys and, later, evidence and biometric data.
 */
package org.invigil.crypto;
