/**
 * Bounded JSON: reading JSON that someone else wrote (a browser, a staff member's script, a platform) within limits
 * of size, depth, members, string length and number range, in strict UTF-8; what it will not read is a
 * {@link org.invigil.json.control.JsonRefused}. Uses only {@code refusal}.
 */
package org.invigil.json;
