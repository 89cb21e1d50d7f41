// The assistant's skill requests are its proposals, limited by config.yaml's
// `skills.learning.maxProposedPerDay` (seed 004) within the owner's local day, as the detector's
// own proposals are. Why a limit: every proposal costs a generation and a sandboxed dry run, and
// lands in the owner's review queue with a notification; an assistant in a loop must not be able
// to bury the owner in reviews. The owner's own requests are never limited. Each accepted proposal
// is an audit entry (`skill.proposed`) and the count is read back from the log, so the limit holds
// across restarts and across the app, `foundry serve` and `foundry mcp`, which share one store.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { PrincipalKind } from '../rbac/roles.ts';
import { localDayRange } from '../detector/suggestions.ts';
import { ServiceError } from '../service-error.ts';

const EVENT = 'skill.proposed';

function dailyLimitReached(limit: number, nextAt: Date, now: Date): Localized {
  const minutes = Math.max(1, Math.ceil((nextAt.getTime() - now.getTime()) / 60_000));
  const wait = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return {
    en: `The assistant has already proposed ${limit} skills today, as many as the owner allows a day (skills.learning.maxProposedPerDay). The next proposal is possible after midnight, in ${wait}.`,
    pl: `Asystent zaproponował już dziś ${limit} skilli, tyle, ile właściciel pozwala dziennie (skills.learning.maxProposedPerDay). Kolejna propozycja będzie możliwa po północy, za ${wait}.`,
  };
}

export function createProposalQuota(deps: { store: Pick<FoundryStore, 'auditLog' | 'now'>; maxPerDay: () => number }) {
  return {
    /**
     * Counts one proposal by `principal`, or refuses (429, `lockedUntil` = the next local midnight)
     * when today's are used up; a refusal records nothing.
     */
    take(principal: PrincipalKind): void {
      const now = deps.store.now();
      const limit = deps.maxPerDay();
      const today = localDayRange(now);
      const from = today.from.toISOString();
      // Newest first: the last `limit` proposals are enough to tell whether today's are used up.
      const recent = limit === 0 ? [] : deps.store.auditLog.page({ event: EVENT, offset: 0, limit }).items;
      const usedToday = recent.filter((entry) => entry.actor === principal && entry.at >= from).length;
      if (usedToday >= limit) {
        throw new ServiceError('locked', dailyLimitReached(limit, today.to, now), { reason: 'daily-proposal-limit', lockedUntil: today.to.toISOString() });
      }
      deps.store.auditLog.append({ actor: principal, event: EVENT, data: { usedToday: usedToday + 1, limit } });
    },
  };
}
