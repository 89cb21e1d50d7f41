// Delivers what an approved skill's execution sent with foundry.notify: stored for the window, the
// tray, the CLI and the API, audited, rate-limited per skill, and announced to the owner at once.
// Only the registry's executions of approved versions come here: a dry run's notifications stay in
// its result for the review (main/skills/sandbox/dry-run.ts) and never reach this module.
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { NotificationRecord } from '../../../shared/contract/notification-records.ts';
import type { FoundryStore } from '../../store/index.ts';
import { canonicalJson, sha256Hex } from '../registry/content-hash.ts';
import type { SkillNotification } from '../sandbox/protocol.ts';
import { createNotificationRateLimit } from './rate-limit.ts';

export interface NotificationDeliveryDeps {
  store: Pick<FoundryStore, 'db' | 'now' | 'notifications' | 'auditLog'>;
  /** Tells the owner now (a system notification in the app); called once the rows are stored. */
  announce: (notification: NotificationRecord) => void;
}

export function createNotificationDelivery({ store, announce }: NotificationDeliveryDeps) {
  const rateLimit = createNotificationRateLimit(store.now);

  /** Stores one notification (or counts it as held back); answers the row to announce, if any. */
  function deliverOne(version: SkillVersionRecord, sent: SkillNotification): NotificationRecord | null {
    const owner = { skillId: version.skillId, versionId: version.id };
    const verdict = rateLimit.verdict(store.notifications.window(version.skillId, rateLimit.windowStart()));
    const stored = verdict.kind === 'deliver'
      ? store.notifications.addDelivered({ ...owner, title: sent.title, body: sent.body })
      : verdict.into === null ? store.notifications.addHeldBack(owner) : store.notifications.holdBackOneMore(verdict.into);
    // The skill's words are not in the audit log, only their hash: a notification may well carry
    // personal data ("you drank 2 glasses today"), and the log is append-only and chained, so text
    // in it could never be removed. The hash still proves which notification was delivered.
    store.auditLog.append({
      actor: 'system',
      event: verdict.kind === 'deliver' ? 'notification.delivered' : 'notification.held-back',
      skillSlug: version.slug,
      versionId: version.id,
      contentSha256: version.contentSha256,
      data: { notificationId: stored.id, textSha256: sha256Hex(canonicalJson([sent.title, sent.body])), heldBack: stored.heldBack },
    });
    const isNew = verdict.kind === 'deliver' || verdict.into === null;
    return isNew ? stored : null;
  }

  return {
    /** All or nothing for one execution's notifications; each new row is announced after they are stored. */
    deliver(version: SkillVersionRecord, sent: readonly SkillNotification[]): NotificationRecord[] {
      if (sent.length === 0) return [];
      const fresh = store.db.transaction(() => sent.map((n) => deliverOne(version, n)).filter((n) => n !== null))();
      // Re-read: a held-back notice created by this execution announces everything it held back in it.
      const announced = fresh.map((n) => store.notifications.get(n.id)!);
      announced.forEach(announce);
      return announced;
    },
  };
}
export type NotificationDelivery = ReturnType<typeof createNotificationDelivery>;
