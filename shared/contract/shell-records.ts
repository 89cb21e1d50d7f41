// What the window, the CLI and the API show of shell actions (issue 12 §4): the switch, whether
// commands are isolated here, the folder the owner chose for a skill, and its pinned programs.

/** `off`: config.yaml says false; `unconfirmed`: it says true, the owner has not confirmed it in the window; `on`: both. */
export type ShellSwitchState = 'off' | 'unconfirmed' | 'on';

export interface ShellSwitchView {
  state: ShellSwitchState;
  /** config.yaml's `skills.execution.shell`. */
  file: boolean;
  confirmedAt: string | null;
}

export interface PinView {
  action: string;
  /** Absolute, symlinks resolved. */
  executable: string;
  sha256: string;
  pinnedAt: string;
  /** `changed` / `missing`: it will not run until a new version is approved; `unproven`: its seal does not hold. */
  state: 'intact' | 'changed' | 'missing' | 'unproven';
}

export interface ShellView {
  switch: ShellSwitchView;
  /** Absolute path of bubblewrap when commands run isolated here; null: they run with the owner's rights. */
  bubblewrap: string | null;
  /** `inEffect` false: its seal does not hold, so commands do not run. */
  folder: { path: string; setAt: string; inEffect: boolean } | null;
  /** The shell actions of the running version (else of the newest one, waiting for approval). */
  actions: string[];
  /** The running version's pinned programs, one per shell action. */
  pins: PinView[];
}
