import type { Db } from '../open-database.ts';
import type { IntegrityKey } from '../integrity/integrity-key.ts';
import type { Checkpoint } from '../integrity/checkpoint.ts';

const LABEL = 'approval-seal/v1';

export type SealDecision = 'approved' | 'rolled-back';

export interface NewSeal {
  decision: SealDecision;
  slug: string;
  versionId: string;
  version: string;
  contentSha256: string;
  /** The tables the version may insert into and update: exactly what the sandbox is told. */
  grantedWrites: readonly string[];
  /** Defaults to now; an upgrade keeps the time the owner decided. */
  decidedAt?: string;
  sealedAtUpgrade?: boolean;
}

export interface ApprovalSeal {
  id: number;
  decision: SealDecision;
  slug: string;
  versionId: string;
  version: string;
  contentSha256: string;
  grantedWrites: string[];
  decidedAt: string;
  sealedAtUpgrade: boolean;
  prevMac: string;
  mac: string;
}

interface SealRow {
  id: number;
  decision: SealDecision;
  skill_slug: string;
  version_id: string;
  version: string;
  content_sha256: string;
  granted_writes: string;
  decided_at: string;
  sealed_at_upgrade: number;
  prev_mac: string;
  mac: string;
}

const toSeal = (row: SealRow): ApprovalSeal => ({
  id: row.id,
  decision: row.decision,
  slug: row.skill_slug,
  versionId: row.version_id,
  version: row.version,
  contentSha256: row.content_sha256,
  grantedWrites: JSON.parse(row.granted_writes) as string[],
  decidedAt: row.decided_at,
  sealedAtUpgrade: row.sealed_at_upgrade === 1,
  prevMac: row.prev_mac,
  mac: row.mac,
});

/** Everything the MAC covers, in a fixed order; the stored JSON text of the grants, so any edit to it counts. */
const sealFields = (row: SealRow) => [
  row.id, row.decision, row.skill_slug, row.version_id, row.version, row.content_sha256, row.granted_writes, row.decided_at, row.sealed_at_upgrade, row.prev_mac,
];

/** Sorted and without duplicates, so the same grant always reads (and MACs) the same. */
export const canonicalWrites = (writes: readonly string[]): string[] => [...new Set(writes)].sort();

/**
 * Every decision that made a version the running one (an approval with both factors, a rollback),
 * MACed with the integrity key and chained: each seal covers the MAC of the one before it, and the
 * checkpoint covers the newest, so a seal cannot be forged, edited, removed or reordered unseen.
 */
export function createApprovalSealsRepository(db: Db, now: () => Date, key: IntegrityKey | null, checkpoint: Checkpoint) {
  const last = db.prepare<[], SealRow>('SELECT * FROM approval_seals ORDER BY id DESC LIMIT 1');
  const all = db.prepare<[], SealRow>('SELECT * FROM approval_seals ORDER BY id');
  const latestFor = db.prepare<[string], SealRow>('SELECT * FROM approval_seals WHERE skill_slug = ? ORDER BY id DESC LIMIT 1');
  const approvedFor = db.prepare<[string], SealRow>("SELECT * FROM approval_seals WHERE version_id = ? AND decision = 'approved' ORDER BY id DESC LIMIT 1");
  const insert = db.prepare(
    `INSERT INTO approval_seals (id, decision, skill_slug, version_id, version, content_sha256, granted_writes, decided_at, sealed_at_upgrade, prev_mac, mac)
     VALUES (@id, @decision, @skill_slug, @version_id, @version, @content_sha256, @granted_writes, @decided_at, @sealed_at_upgrade, @prev_mac, @mac)`,
  );

  const add = db.transaction((seal: NewSeal): ApprovalSeal => {
    if (!key) throw new Error('An approval is sealed only with the integrity key.');
    const previous = last.get();
    const row: Omit<SealRow, 'mac'> = {
      id: (previous?.id ?? 0) + 1,
      decision: seal.decision,
      skill_slug: seal.slug,
      version_id: seal.versionId,
      version: seal.version,
      content_sha256: seal.contentSha256,
      granted_writes: JSON.stringify(canonicalWrites(seal.grantedWrites)),
      decided_at: seal.decidedAt ?? now().toISOString(),
      sealed_at_upgrade: seal.sealedAtUpgrade ? 1 : 0,
      prev_mac: previous?.mac ?? '',
    };
    const full: SealRow = { ...row, mac: key.sign(LABEL, sealFields({ ...row, mac: '' })) };
    insert.run(full);
    checkpoint.advance({ sealId: full.id, sealHead: full.mac });
    return toSeal(full);
  });

  return {
    add: (seal: NewSeal) => add(seal),
    /**
     * Where the seals stop holding: the id of the first seal whose MAC or link to the one before
     * fails, the id after the last when newer seals were removed, 0 when the checkpoint itself is
     * not authentic (or there is no key, so nothing can be proven); null when every seal holds.
     */
    firstBroken(): number | null {
      const state = checkpoint.read();
      if (!key || !checkpoint.isAuthentic(state)) return 0;
      let previous = { id: 0, mac: '' };
      for (const row of all.iterate()) {
        if (row.prev_mac !== previous.mac || !key.matches(LABEL, sealFields({ ...row, mac: '' }), row.mac)) return row.id;
        previous = { id: row.id, mac: row.mac };
      }
      return previous.id === state.sealId && previous.mac === state.sealHead ? null : previous.id + 1;
    },
    /** The skill's newest seal: what its running version must be. */
    latestFor: (slug: string): ApprovalSeal | null => {
      const row = latestFor.get(slug);
      return row ? toSeal(row) : null;
    },
    /** The newest approval with both factors of this version, if it was ever approved. */
    approvedFor: (versionId: string): ApprovalSeal | null => {
      const row = approvedFor.get(versionId);
      return row ? toSeal(row) : null;
    },
  };
}
export type ApprovalSealsRepository = ReturnType<typeof createApprovalSealsRepository>;
