/**
 * The integrity result of a proctored attempt — a 0–100 score with each rule's contribution and a review state, a
 * human always deciding — and its way to the LMS gradebook through AGS 2.0 (§3.4 scores) by a durable outbox that
 * survives restarts and retries with backoff.
 */
package org.invigil.integrity;
