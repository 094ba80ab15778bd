/**
 * Course rosters through LTI Names and Role Provisioning Services 2.0 (§2.2 membership container, §2.4 paging by
 * {@code Link: rel="next"}), with roles normalised from long and short forms and the picture where sent.
 */
package org.invigil.roster;
