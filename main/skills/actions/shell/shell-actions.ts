// Shell actions (issue 12 §4), everything between "the registry wants to run one" and "it ran":
// pinning the executable at approval, preparing a run (switch, pin, argv, working folder,
// environment) so the owner can be shown exactly what will run, and running it. Contract, and
// why each guard exists — the threat is a skill (or the assistant that wrote or calls it) turning
// a command the owner allowed into one they did not:
// - nothing runs unless the switch is on (config.yaml AND the owner's sealed confirmation): the
//   assistant can edit the file;
// - the file that runs is the one pinned at approval (path with symlinks resolved, SHA-256,
//   sealed); hashed again before each run: a replaced binary would be new code nobody approved;
// - the argv is filled per element (argv-template.ts): no shell, no value becomes two arguments
//   or an option;
// - the environment is empty but for the declared names, with values from the skill's settings
//   and secrets (never logged): an inherited PATH, LD_PRELOAD or token would change what runs
//   or leak;
// - the working directory lies inside the folder the owner chose (working-folder.ts);
// - each run is shown to the owner with the exact argv, folder, pinned file and isolation, and runs
//   only on their yes (the gate's standing consent covers exactly that fingerprint);
// - output capped, time-limited, the process group killed (command-process.ts); bubblewrap on Linux
//   where installed (bubblewrap.ts);
// - every run audited with argv, exit code or signal, duration and the SHA-256 of each output,
//   never the output itself (it may hold personal data, and the audit log can never be edited).
import { createHash } from 'node:crypto';
import type { SkillVersionRecord } from '../../../../shared/contract/records.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import type { ShellActionSpec } from '../../../../shared/skills/actions.ts';
import type { Disclosure } from '../../../../shared/skills/disclosure.ts';
import { actionDisclosure } from '../action-text.ts';
import type { ModActionResult } from '../../../../shared/skills/mod-types.ts';
import type { FoundryStore } from '../../../store/index.ts';
import type { SkillState } from '../../../store/repositories/skill-lifecycle.ts';
import type { ApprovalFactors } from '../../approval/approval-gateway.ts';
import { confirmWithBothFactors } from '../../approval/owner-confirmation.ts';
import { ServiceError } from '../../service-error.ts';
import { ActionRefusedError } from '../action-refusal.ts';
import { TemplateRefusal } from '../http-template.ts';
import { fillArgv } from './argv-template.ts';
import { bubblewrapArgs, privateFolders, type Isolation } from './bubblewrap.ts';
import { runProcess, MAX_OUTPUT_BYTES } from './command-process.ts';
import { pinState, resolveExecutable, fileSha256 } from './executable.ts';
import { SHELL_MESSAGES } from './shell-messages.ts';
import type { ShellSwitch } from './shell-switch.ts';
import type { ShellView } from '../../../../shared/contract/shell-records.ts';
import { checkOwnerFolder, workingDirectory } from './working-folder.ts';

/** One consent detail line may hold this much (the gate's own limit): a longer argv cannot be shown, so it does not run. */
const MAX_SHOWN_CHARS = 2_000;

type ShellEntry = { slug: string; description: string; shell: ShellActionSpec };

/** What the skill's settings give a run: values for declared variables. */
export interface ShellRunSettings {
  config: Readonly<Record<string, unknown>>;
  secretValue(name: string): Promise<string | null>;
}

/** Exactly what will run, shown to the owner before it does. */
export interface PreparedCommand {
  action: string;
  executable: string;
  sha256: string;
  /** argv[0] is the pinned file. */
  argv: string[];
  cwd: string;
  /** Values are never shown, logged or audited; names are. */
  env: Record<string, string>;
  isolated: boolean;
}

export interface ShellOutcome {
  result: ModActionResult;
  /** For the `shell.ran` audit entry. */
  audit: Record<string, unknown>;
}

export interface ShellActionsDeps {
  store: Pick<FoundryStore, 'db' | 'now' | 'auditLog' | 'shell' | 'dataDir' | 'versions'>;
  switch: ShellSwitch;
  isolation: Isolation;
  factors: ApprovalFactors | null;
}

const shellEntries = (version: SkillVersionRecord): ShellEntry[] =>
  (version.manifest.actions ?? []).flatMap((entry) => (entry.type === 'shell' ? [entry as ShellEntry] : []));

/** The text the version's stored disclosure showed for action `slug`, or null when it has none. */
function shownActionText(version: SkillVersionRecord, slug: string): string | null {
  const items = (version.disclosure as Partial<Disclosure> | null)?.items;
  if (!Array.isArray(items)) return null;
  return items.find((item) => item.kind === 'action' && item.target === slug)?.text.en ?? null;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const refused = (code: ConstructorParameters<typeof ActionRefusedError>[0], message: Localized) => new ActionRefusedError(code, message);

export function createShellActions(deps: ShellActionsDeps) {
  const { store, isolation } = deps;

  function folderOf(skillId: string) {
    const stored = store.shell.folder(skillId);
    return stored ? { path: stored.folder, setAt: stored.setAt, inEffect: stored.sealed } : null;
  }

  return {
    isolation,

    /** Why `version` cannot be approved now (a shell action's program cannot be resolved), or null. */
    approvalProblem(version: SkillVersionRecord): Localized | null {
      for (const entry of shellEntries(version)) {
        const command = entry.shell.command[0] ?? '';
        const resolved = resolveExecutable(command);
        if (!resolved.ok) return SHELL_MESSAGES.executableProblem(entry.slug, command.slice(0, 200), resolved.problem);
        // What the owner reviewed named the program's hash (and the isolation) as they were then; a
        // program swapped since would otherwise be pinned silently.
        const reviewed = shownActionText(version, entry.slug);
        if (reviewed !== null && reviewed !== actionDisclosure(entry).en) return SHELL_MESSAGES.changedSinceReview(entry.slug, command.slice(0, 200));
      }
      return null;
    },

    /** At approval, inside its transaction: pins each shell action's program (sealed) and audits it. */
    pin(version: SkillVersionRecord): void {
      for (const entry of shellEntries(version)) {
        const resolved = resolveExecutable(entry.shell.command[0] ?? '');
        const sha256 = resolved.ok ? fileSha256(resolved.executable) : null;
        // approvalProblem() ran before the factors; a program gone since then is a changed world, not a pin.
        if (!resolved.ok || sha256 === null) throw new Error(`The program of the shell action ${entry.slug} disappeared during the approval.`);
        const pin = { versionId: version.id, action: entry.slug, executable: resolved.executable, sha256, pinnedAt: store.now().toISOString() };
        store.shell.pin(pin);
        store.auditLog.append({
          actor: 'owner', event: 'shell.pinned', skillSlug: version.slug, versionId: version.id, contentSha256: version.contentSha256,
          data: { action: entry.slug, command: entry.shell.command[0], executable: pin.executable, sha256 },
        });
      }
    },

    view(skill: SkillState): ShellView {
      const version = skill.activeVersionId ? store.versions.get(skill.activeVersionId) : null;
      const pins = version ? store.shell.pins(version.id) : [];
      const shown = version ?? store.versions.listForSkill(skill.slug)[0] ?? null;
      return {
        actions: shown ? shellEntries(shown).map((entry) => entry.slug) : [],
        switch: deps.switch.view(),
        bubblewrap: isolation.bubblewrap,
        folder: folderOf(skill.id),
        pins: pins.map(({ action, executable, sha256, pinnedAt, sealed }) => ({ action, executable, sha256, pinnedAt, state: sealed ? pinState({ executable, sha256 }) : 'unproven' })),
      };
    },

    /** The owner, in the window, with both factors: the skill's commands work inside `folder`. */
    async setFolder(skill: SkillState, folder: unknown, totpCode: unknown): Promise<ShellView> {
      const checked = checkOwnerFolder(folder, store.dataDir);
      if (!checked.ok) throw new ServiceError('bad-request', SHELL_MESSAGES.folderInvalid(checked.reason), { reason: 'shell-folder-invalid' });
      const checks = await confirmWithBothFactors({ auditLog: store.auditLog, factors: deps.factors, canSeal: store.shell.canSeal }, {
        refusedEvent: 'shell.folder.refused', skillSlug: skill.slug, data: { folder: checked.folder }, totpCode, prompt: SHELL_MESSAGES.folderPrompt(skill.name, checked.folder),
      });
      store.db.transaction(() => {
        const before = store.shell.folder(skill.id);
        store.shell.setFolder(skill.id, checked.folder, store.now().toISOString());
        store.auditLog.append({ actor: 'owner', event: 'shell.folder.set', skillSlug: skill.slug, data: { folder: checked.folder, previous: before?.folder ?? null, factors: checks } });
      })();
      return this.view(skill);
    },

    /** Narrows what the skill's commands may touch (they stop running): the owner or the assistant may do it. */
    clearFolder(skill: SkillState, by: 'owner' | 'assistant' | 'scheduler'): ShellView {
      const cleared = store.db.transaction(() => {
        const before = store.shell.folder(skill.id);
        if (!before || !store.shell.clearFolder(skill.id)) return false;
        store.auditLog.append({ actor: by, event: 'shell.folder.cleared', skillSlug: skill.slug, data: { folder: before.folder } });
        return true;
      })();
      if (!cleared) throw new ServiceError('not-found', SHELL_MESSAGES.noFolderToClear, { reason: 'shell-no-folder' });
      return this.view(skill);
    },

    /** Every check but the owner's consent; throws ActionRefusedError with the reason. Nothing runs here. */
    async prepare(version: SkillVersionRecord, skillId: string, entry: ShellEntry, params: Record<string, unknown>, settings: ShellRunSettings | undefined): Promise<PreparedCommand> {
      const action = entry.slug;
      const state = deps.switch.view().state;
      if (state === 'off') throw refused('shell-off', SHELL_MESSAGES.switchedOff(action));
      if (state === 'unconfirmed') throw refused('shell-unconfirmed', SHELL_MESSAGES.unconfirmed(action));
      const pin = store.shell.pins(version.id).find((p) => p.action === action);
      if (!pin?.sealed) throw refused('shell-pin-unproven', SHELL_MESSAGES.pinUnproven(action));
      const now = pinState(pin);
      if (now === 'missing') throw refused('shell-executable-missing', SHELL_MESSAGES.executableMissing(action, pin.executable));
      if (now === 'changed') throw refused('shell-executable-changed', SHELL_MESSAGES.executableChanged(action, pin.executable));
      let args: string[];
      try {
        args = fillArgv(entry.shell.command, params);
      } catch (error) {
        if (!(error instanceof TemplateRefusal)) throw error;
        throw refused('shell-argv-refused', SHELL_MESSAGES.argvRefused(action, error.message));
      }
      const folder = store.shell.folder(skillId);
      if (!folder?.sealed) throw refused('shell-no-folder', SHELL_MESSAGES.noFolder(action));
      const cwd = workingDirectory(folder.folder, entry.shell.cwd);
      if (!cwd) throw refused('shell-cwd-outside', SHELL_MESSAGES.cwdOutside(action, entry.shell.cwd ?? '.'));
      const env: Record<string, string> = {};
      for (const name of entry.shell.env ?? []) {
        const value = (await settings?.secretValue(name)) ?? settings?.config[name];
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') env[name] = String(value);
      }
      const prepared = { action, executable: pin.executable, sha256: pin.sha256, argv: [pin.executable, ...args], cwd, env, isolated: isolation.bubblewrap !== null };
      if (JSON.stringify(prepared.argv).length > MAX_SHOWN_CHARS) throw refused('shell-argv-refused', SHELL_MESSAGES.tooLongToShow(action));
      return prepared;
    },

    /** What the consent prompt shows, verbatim; the fingerprint covers every line, so a standing consent covers exactly this command. */
    consentDetails(prepared: PreparedCommand, description: string): string[] {
      const env = Object.keys(prepared.env);
      return [
        `argv: ${JSON.stringify(prepared.argv)}`,
        `cwd: ${prepared.cwd}`,
        `program: ${prepared.executable} (SHA-256 ${prepared.sha256})`,
        prepared.isolated
          ? 'isolation: bubblewrap — no network, read-only system, only the folder above writable / bez sieci, system tylko do odczytu, zapis tylko w folderze powyżej'
          : 'isolation: none — runs with your rights / brak izolacji — działa z Twoimi uprawnieniami',
        `env: ${env.length > 0 ? env.join(', ') : '(empty / puste)'}`,
        `why: ${description.slice(0, 500)}`,
      ];
    },

    /** Runs a prepared command; never throws for anything the command does. */
    async run(prepared: PreparedCommand, timeoutMs: number): Promise<ShellOutcome> {
      const [executable, ...args] = prepared.argv as [string, ...string[]];
      const spawned = isolation.bubblewrap
        ? { file: isolation.bubblewrap, args: bubblewrapArgs({ executable, args, cwd: prepared.cwd, env: prepared.env, hidden: privateFolders(store.dataDir) }), env: {} }
        : { file: executable, args, env: prepared.env };
      // A pinned file swapped between the check in prepare() and here is the window this cannot close; hash once more, as late as possible.
      if (pinState(prepared) !== 'intact') {
        throw refused('shell-executable-changed', SHELL_MESSAGES.executableChanged(prepared.action, prepared.executable));
      }
      const outcome = await runProcess({ ...spawned, cwd: prepared.cwd, timeoutMs });
      const truncated = outcome.truncated.stdout || outcome.truncated.stderr;
      const data = {
        exitCode: outcome.exitCode, signal: outcome.signal, stdout: outcome.stdout.toString('utf8'), stderr: outcome.stderr.toString('utf8'),
        truncated, timedOut: outcome.timedOut,
      };
      const error = outcome.startError ? `the command could not start: ${outcome.startError}`
        : outcome.timedOut ? `the command ran longer than ${timeoutMs} ms and was stopped`
        : truncated ? `the command printed more than ${MAX_OUTPUT_BYTES / 1024} KB on ${outcome.truncated.stdout ? 'stdout' : 'stderr'} and was stopped; the output is cut there`
        : outcome.exitCode !== 0 ? `the command ended with ${outcome.exitCode === null ? `signal ${outcome.signal}` : `exit code ${outcome.exitCode}`}`
        : null;
      return {
        result: error === null ? { success: true, data } : { success: false, data, error },
        audit: {
          action: prepared.action, argv: prepared.argv, cwd: prepared.cwd, env: Object.keys(prepared.env), sha256: prepared.sha256,
          isolation: prepared.isolated ? 'bubblewrap' : 'none', exitCode: outcome.exitCode, signal: outcome.signal, timedOut: outcome.timedOut,
          truncated: outcome.truncated, durationMs: Math.round(outcome.durationMs),
          stdoutSha256: sha256(outcome.stdout), stderrSha256: sha256(outcome.stderr),
        },
      };
    },
  };
}
export type ShellActions = ReturnType<typeof createShellActions>;
