/**
 * Tells people and integrations that an attempt needs review (and that it was reviewed): a durable delivery queue,
 * sent by SMTP (Jakarta Mail) and by webhooks signed with HMAC-SHA256 (RFC 2104) over {@code "<t>.<body>"}.
 * Issue 5, item 7 (Notifications); see {@code src/site/notifications.md}.
 */
package org.invigil.notification.control;
