/**
 * What the staff's Faces screens share (the review, exam-settings and subscription screens of several
 * components): who is signed in for this HTTP session, from the launch's tool session, and the redirect that takes
 * the launch token out of the address. Like {@code web}, it is plumbing that only boundaries use.
 */
package org.invigil.screens;
