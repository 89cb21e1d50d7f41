export interface PreflightProblem {
  en: string;
  pl: string;
}
export type ElectronInstall = (electronDir: string) => { ok: boolean; detail: string };
export const MIN_NODE_MAJOR: number;
export function nodeProblem(version: string): PreflightProblem | null;
export function electronProblem(electronDir: string, install?: ElectronInstall): PreflightProblem | null;
export function preflight(
  check: 'node' | 'electron',
  options?: { nodeVersion?: string; electronDir?: string; install?: ElectronInstall },
): PreflightProblem[];
