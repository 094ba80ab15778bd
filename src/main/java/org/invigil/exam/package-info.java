/**
 * A proctored exam: one resource link in a course of a platform, with its proctoring settings and the LTI
 * Advantage service addresses its launches announced (AGS line item, NRPS memberships).
 */
package org.invigil.exam;
