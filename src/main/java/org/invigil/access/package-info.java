/**
 * The tool session that follows a launch: a short-lived token, signed by the tool, bound to the platform,
 * deployment, context, resource link, user and roles of the launch. It travels in the page (URL, form field or
 * {@code Authorization: Bearer}), never in a cookie, so it works inside LMS iframes with third-party cookies blocked.
 * It also owns the person's LTI roles (LTI Core 1.3 §5.3.7 and the role vocabularies of its appendix A), which the
 * launch reads from the id_token and the roster from NRPS, and which every component asks the same questions of.
 */
package org.invigil.access;
