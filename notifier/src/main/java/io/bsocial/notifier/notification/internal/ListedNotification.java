package io.bsocial.notifier.notification.internal;

import io.bsocial.notifier.notification.Notification;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A notification as the notifications page lists it: the notification's own fields and whether
 * it was read. Only this list says so; the bell and the undelivered list answer the contract's
 * fields alone.
 */
record ListedNotification(@JsonUnwrapped Notification notification, boolean read) {
}
