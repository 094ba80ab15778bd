/**
 * LTI Proctoring Services 1.0 on the tool's side, after the LtiStartProctoring launch: the hand-back of a checked
 * learner to the platform's assessment ({@code LtiStartAssessment}, §4.2), and the Assessment Control Service client
 * (§6: pause, resume, terminate, flag), whose messages wait in a durable outbox, in order per attempt, with retries.
 * It reads the attempt from {@code session} and signs with {@code keys}; what the platform answers that ends an
 * attempt is published as an event, so the components above act on it without this one knowing them.
 */
package org.invigil.assessment;
