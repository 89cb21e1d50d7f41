import type { Db } from '../open-database.ts';
import type { NotificationKind, NotificationList, NotificationRecord } from '../../../shared/contract/notification-records.ts';

interface NotificationRow {
  id: number;
  kind: NotificationKind;
  slug: string;
  name: string;
  version: string;
  title: string;
  body: string;
  held_back: number;
  created_at: string;
  read_at: string | null;
}

export interface NewNotification {
  skillId: string;
  versionId: string;
  title: string;
  body: string;
}

/** In a skill's hourly window: how many it was shown one by one, and the held-back notice still collecting, if any. */
export interface NotificationWindow {
  delivered: number;
  heldBackId: number | null;
}

const SELECT = `
SELECT n.id, n.kind, s.slug, s.name, v.version, n.title, n.body, n.held_back, n.created_at, n.read_at
FROM skill_notifications n
JOIN exo_generated_skills s ON s.id = n.skill_id
JOIN exo_skill_versions v ON v.id = n.version_id`;

const toRecord = (row: NotificationRow): NotificationRecord => ({
  id: row.id,
  kind: row.kind,
  skillSlug: row.slug,
  skillName: row.name,
  version: row.version,
  title: row.title,
  body: row.body,
  heldBack: row.held_back,
  createdAt: row.created_at,
  readAt: row.read_at,
});

export function createNotificationsRepository(db: Db, now: () => Date) {
  const insert = db.prepare(
    `INSERT INTO skill_notifications (kind, skill_id, version_id, title, body, held_back, created_at)
     VALUES (@kind, @skillId, @versionId, @title, @body, @heldBack, @createdAt)`,
  );
  const byId = db.prepare<[number], NotificationRow>(`${SELECT} WHERE n.id = ?`);
  const unreadCount = (): number => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM skill_notifications WHERE read_at IS NULL').get()!.n;

  function add(kind: NotificationKind, fields: NewNotification, heldBack: number): NotificationRecord {
    const id = Number(insert.run({ kind, ...fields, heldBack, createdAt: now().toISOString() }).lastInsertRowid);
    return toRecord(byId.get(id)!);
  }

  return {
    get: (id: number): NotificationRecord | null => {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    /** One notification as the skill wrote it. */
    addDelivered: (fields: NewNotification): NotificationRecord => add('skill', fields, 0),
    /** The notice that stands for a skill's first notification over its limit. */
    addHeldBack: (fields: Omit<NewNotification, 'title' | 'body'>): NotificationRecord => add('held-back', { ...fields, title: '', body: '' }, 1),
    /** One more notification held back under an existing notice; it becomes unread again. */
    holdBackOneMore(id: number): NotificationRecord {
      db.prepare('UPDATE skill_notifications SET held_back = held_back + 1, read_at = NULL WHERE id = ? AND kind = ?').run(id, 'held-back');
      return toRecord(byId.get(id)!);
    },
    /** What `skillId` was shown since `since` (ISO time): the window the rate limit counts in. */
    window(skillId: string, since: string): NotificationWindow {
      const delivered = db
        .prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM skill_notifications WHERE skill_id = ? AND kind = 'skill' AND created_at > ?")
        .get(skillId, since)!.n;
      const heldBack = db
        .prepare<[string, string], { id: number }>(
          "SELECT id FROM skill_notifications WHERE skill_id = ? AND kind = 'held-back' AND created_at > ? ORDER BY id DESC LIMIT 1",
        )
        .get(skillId, since);
      return { delivered, heldBackId: heldBack?.id ?? null };
    },
    /** Newest first, at most `limit`; with the unread count over all. */
    list({ unreadOnly = false, limit = 100 }: { unreadOnly?: boolean; limit?: number } = {}): NotificationList {
      const rows = db.prepare<[number], NotificationRow>(`${SELECT} ${unreadOnly ? 'WHERE n.read_at IS NULL' : ''} ORDER BY n.id DESC LIMIT ?`).all(limit);
      return { items: rows.map(toRecord), unread: unreadCount() };
    },
    unreadCount,
    /** Marks `ids` read (those already read keep their time); answers which ids changed. */
    markRead(ids: readonly number[]): number[] {
      const mark = db.prepare<[string, number], { id: number }>('UPDATE skill_notifications SET read_at = ? WHERE id = ? AND read_at IS NULL RETURNING id');
      const at = now().toISOString();
      return db.transaction(() => ids.flatMap((id) => mark.all(at, id).map((row) => row.id)))();
    },
    /** Marks every unread notification read; answers how many. */
    markAllRead(): number {
      return db.prepare('UPDATE skill_notifications SET read_at = ? WHERE read_at IS NULL').run(now().toISOString()).changes;
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
