/**
 * The integrity result of a proctored attempt — a 0–100 score with each rule's contribution and a review state, a
 * human always deciding — and its way to the LMS gradebook through AGS 2.0 (§3.4 scores) by a durable outbox that
 * survives restarts and retries with backoff. It reads what monitoring publishes (incidents, timelines) and
 * answers the attempt's explanation (incidents and result, {@code IncidentsJson}); monitoring does not know it.
 */
package org.invigil.integrity;
