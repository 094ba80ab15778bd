/**
 * The gradebook through LTI Assignment and Grade Services 2.0: line items (§3.2), scores (§3.4: the {@code /scores}
 * path rule, the score media type, strictly increasing timestamps) and results (§3.3).
 */
package org.invigil.grades;
