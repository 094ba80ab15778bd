/**
 * What notifications are made of: email subscriptions of staff, a platform's webhook, the events
 * ({@code attempt.needs_review}, {@code attempt.reviewed}) and their deliveries, each retried with backoff until it
 * arrives once. Issue 5, item 7 (Notifications).
 */
package org.invigil.notification.entity;
