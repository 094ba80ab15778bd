/**
 * Who is taking the exam: reference photos (instructor upload, the LMS picture, or an enrolment capture a person
 * confirms), the identity check against them, the check against other students' references (a possible proxy
 * test-taker), and the liveness challenge. Photos and descriptors are sealed (AES-256-GCM) at rest.
 */
package org.invigil.identity;
