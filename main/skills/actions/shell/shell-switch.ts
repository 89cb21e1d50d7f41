// The switch for shell actions: on only when config.yaml says `skills.execution.shell: true` AND
// the owner confirmed that in the desktop window with both factors. The threat is the assistant,
// which may run as the same OS user with a shell: it can edit config.yaml and write foundry.db, so
// neither alone turns shell actions on. The confirmation is a row sealed with the integrity key
// (never in the database); turning the file's switch off (seen on the next look) revokes it, so a
// later edit back to true needs the owner again. Every change is audited: the file's value seen
// changing, a confirmation, a revocation. The API and `foundry config set` never turn the file's
// switch on (config-service.ts).
import type { Actor } from '../../../../shared/contract/records.ts';
import type { ShellSwitchView } from '../../../../shared/contract/shell-records.ts';
import type { FoundryStore } from '../../../store/index.ts';
import type { ApprovalFactors } from '../../approval/approval-gateway.ts';
import { confirmWithBothFactors } from '../../approval/owner-confirmation.ts';
import { ServiceError } from '../../service-error.ts';
import { SHELL_MESSAGES } from './shell-messages.ts';

/** Where the file's last seen value is kept, to audit a change made by editing the file. */
const SEEN_KEY = 'shell.switch.seen';

export interface ShellSwitchDeps {
  store: Pick<FoundryStore, 'db' | 'now' | 'auditLog' | 'settings' | 'shell'>;
  /** config.yaml's `skills.execution.shell`, read now. */
  fileValue: () => boolean;
  factors: ApprovalFactors | null;
}

export function createShellSwitch({ store, fileValue, factors }: ShellSwitchDeps) {
  const { shell, auditLog, settings } = store;

  /** Reads the file, auditing a value that changed since the last look, and drops a confirmation the file's false ended. */
  function view(): ShellSwitchView {
    const file = fileValue();
    const seen = settings.readValue(SEEN_KEY);
    if (seen !== JSON.stringify(file)) {
      store.db.transaction(() => {
        settings.writeValue(SEEN_KEY, file);
        // The first look at a file that keeps the default (off) is no change.
        if (seen !== null || file) auditLog.append({ actor: 'system', event: 'shell.switch.file-changed', data: { from: seen === null ? null : JSON.parse(seen) as boolean, to: file } });
      })();
    }
    if (!file && shell.hasSwitchRow()) {
      store.db.transaction(() => {
        if (shell.revokeSwitch()) auditLog.append({ actor: 'system', event: 'shell.switch.revoked', data: { reason: 'turned-off-in-config' } });
      })();
    }
    const confirmedAt = file ? shell.switchConfirmedAt() : null;
    return { state: !file ? 'off' : confirmedAt ? 'on' : 'unconfirmed', file, confirmedAt };
  }

  return {
    view,

    /** The owner, in the window, with both factors: config.yaml's `true` is theirs. */
    async confirm(totpCode: unknown): Promise<ShellSwitchView> {
      const current = view();
      if (!current.file) throw new ServiceError('conflict', SHELL_MESSAGES.switchOffInFile, { reason: 'shell-off-in-config' });
      if (current.state === 'on') return current;
      const checks = await confirmWithBothFactors({ auditLog, factors, canSeal: shell.canSeal }, {
        refusedEvent: 'shell.switch.refused', skillSlug: null, data: {}, totpCode, prompt: SHELL_MESSAGES.switchPrompt,
      });
      store.db.transaction(() => {
        shell.confirmSwitch(store.now().toISOString());
        auditLog.append({ actor: 'owner', event: 'shell.switch.confirmed', data: { factors: checks } });
      })();
      return view();
    },

    /** Narrows what may run, so it needs no factor: the owner or the assistant may do it. */
    revoke(by: Actor): ShellSwitchView {
      const revoked = store.db.transaction(() => {
        if (!shell.revokeSwitch()) return false;
        auditLog.append({ actor: by, event: 'shell.switch.revoked', data: { reason: 'revoked' } });
        return true;
      })();
      if (!revoked) throw new ServiceError('not-found', SHELL_MESSAGES.switchNotConfirmed, { reason: 'shell-not-confirmed' });
      return view();
    },
  };
}
export type ShellSwitch = ReturnType<typeof createShellSwitch>;
