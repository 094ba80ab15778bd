package org.invigil.notification.entity;

/** How a delivery travels: an email to one address, or a POST to the webhook of one platform. */
public enum Channel {
    EMAIL,
    WEBHOOK
}
