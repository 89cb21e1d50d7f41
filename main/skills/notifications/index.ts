// Notifications from approved skills (foundry.notify): delivery with its per-skill rate limit.
export { createNotificationDelivery, type NotificationDelivery } from './delivery.ts';
export { createNotificationRateLimit, NOTIFICATION_WINDOW_MS, type RateVerdict } from './rate-limit.ts';
