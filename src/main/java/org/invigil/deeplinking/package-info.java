/**
 * Creating a proctored exam from the LMS's activity picker: LTI Deep Linking 2.0 (§4.4 request settings, §4.5
 * response message, §3.1 the {@code ltiResourceLink} content item with its {@code lineItem}).
 */
package org.invigil.deeplinking;
