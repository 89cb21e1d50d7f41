// Shell actions (issue 12 §4): a command as argv under strong guards — the switch (config.yaml and
// the owner's confirmation), a pinned executable, whole-element params, an empty environment, the
// owner's folder, capped output, a killed process group, bubblewrap where installed, the owner's
// consent to each run. shell-actions.ts states the contract; the registry's dispatch runs them.
export { createShellActions, type PreparedCommand, type ShellActions, type ShellActionsDeps } from './shell-actions.ts';
export { createShellSwitch, type ShellSwitch } from './shell-switch.ts';
export { argvParams, argvTemplateProblem, fillArgv } from './argv-template.ts';
export { findIsolation, type Isolation } from './bubblewrap.ts';
export { FIXED_PATH, resolveExecutable, fileSha256 } from './executable.ts';
export { MAX_OUTPUT_BYTES } from './command-process.ts';
export { SHELL_MESSAGES } from './shell-messages.ts';
