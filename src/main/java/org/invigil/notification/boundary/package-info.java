/**
 * Notifications over HTTP: staff subscribe to email for attempts that need review ({@code /api/notifications}, and
 * the review queue's panel, {@link org.invigil.notification.boundary.SubscriptionsView}), the tool administrator configures a platform's signed webhook ({@code /api/admin/platforms/{id}/webhook}).
 * Issue 5, item 7 (Notifications); see {@code src/site/notifications.md}.
 */
package org.invigil.notification.boundary;
