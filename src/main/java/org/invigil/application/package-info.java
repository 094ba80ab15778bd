/**
 * The composition root: the two JAX-RS applications ({@code /lti} for the LMS and the browser pages it opens,
 * {@code /api} for JSON callers) and the resources each one serves (Jakarta RESTful Web Services 3.1, section 2.3).
 * It is the one place that knows every component's boundary; no component knows it.
 */
package org.invigil.application;
