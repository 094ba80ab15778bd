/**
 * A person decides: reviewers (the course's instructors and teaching assistants) see the attempts that need them
 * first, judge each incident and the attempt, and their decision reaches the gradebook (FullyGraded, the decision in
 * the comment). Every view of evidence and every decision is audited.
 */
package org.invigil.review;
