/**
 * Notifications: webhooks told about run ends, failed thresholds and regression alerts, each body signed with the
 * webhook's secret (HMAC-SHA256), delivered with retries and back-off, every attempt kept in a delivery log
 * (docs/schedules.md).
 */
package dev.benchdeck.server.notify;
