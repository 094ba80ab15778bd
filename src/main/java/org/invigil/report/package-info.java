/**
 * The student's own report (issue 5, item 5): their attempts at the exam of their launch, each incident in plain
 * words with its evidence pictures, the integrity result and its reasons, the review and its decision, the retention
 * that applies, and the responses they write before a final decision. A student sees only their own attempts, and
 * every look at evidence is audited as a reviewer's is.
 */
package org.invigil.report;
