/**
 * The student's journey through a proctored exam, end to end: consent, system check, identity, liveness, the gate
 * that releases the quiz, monitoring and its end with the integrity result. It orchestrates the session, identity,
 * monitoring and integrity components; the browser client speaks to it through the API in
 * {@code src/site/proctoring-api.md}.
 */
package org.invigil.journey;
