/**
 * The tool session that follows a launch: a short-lived token, signed by the tool, bound to the platform,
 * deployment, context, resource link, user and roles of the launch. It travels in the page (URL, form field or
 * {@code Authorization: Bearer}), never in a cookie, so it works inside LMS iframes with third-party cookies blocked.
 */
package org.invigil.access;
