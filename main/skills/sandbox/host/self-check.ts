import ivm from 'isolated-vm';
import { PRELUDE_SOURCE, preludeArguments } from './prelude.ts';

/**
 * Proves at start that this process can run skills safely: two isolates can be created (isolated-vm
 * needs --no-node-snapshot, which Electron's utility processes may lack) and the prelude really
 * refuses code generation. Returns a reason on failure; the host then refuses all work.
 */
export async function selfCheck(): Promise<{ ok: true; isolates: number } | { ok: false; reason: string }> {
  const isolates: ivm.Isolate[] = [];
  try {
    for (let i = 0; i < 2; i += 1) {
      const isolate = new ivm.Isolate({ memoryLimit: 8 });
      isolates.push(isolate);
      const context = await isolate.createContext();
      const noop = new ivm.Callback(() => '{}');
      const bindings = { query: noop, log: noop, notify: noop, done: noop, http: noop, skill: noop, maxOutputChars: 1, maxLogChars: 1, maxQueryChars: 1, maxLogEntries: 1, maxHttpRequestChars: 1, maxSkillCallChars: 1 };
      const api = await context.evalClosure(PRELUDE_SOURCE, preludeArguments(bindings), { timeout: 1_000, result: { reference: true } });
      api.release();
      const verdict = await context.eval(
        `(() => { try { eval('1'); return 'eval allowed'; } catch (e) { return e instanceof EvalError ? 1 + 1 : 'unexpected ' + e; } })()`,
        { timeout: 1_000 },
      );
      if (verdict !== 2) return { ok: false, reason: `isolate ${i + 1} failed its check: ${String(verdict)}` };
    }
    return { ok: true, isolates: isolates.length };
  } catch (error) {
    return { ok: false, reason: `cannot create isolates: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    for (const isolate of isolates) isolate.dispose();
  }
}
