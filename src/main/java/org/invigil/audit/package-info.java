/**
 * The audit log: who viewed which evidence and who decided what, when, written by every review action; and who
 * changed an exam's settings, accommodations and reference photos, and what they changed.
 */
package org.invigil.audit;
