import { describe, expect, it } from 'vitest';
import { executionsCommand } from '../../../main/cli/commands/executions.ts';
import { COMMANDS } from '../../../main/cli/commands/index.ts';
import { openFoundryStore } from '../../../main/store/index.ts';
import type { HttpRequestRecord } from '../../../shared/contract/records.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await executionsCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const request: HttpRequestRecord = {
  method: 'GET', origin: 'api.open-meteo.com', path: '/v1/forecast?latitude=&longitude=', status: 200, error: null, address: '203.0.113.7', redirects: 1,
  requestBytes: 0, responseBytes: 812, durationMs: 143.2, requestSha256: 'e3b0c442', responseSha256: 'ab12', source: 'network',
};

function seed(dir: string): void {
  const store = openFoundryStore(dir);
  const base = { versionId: null, version: '1.0.0', trigger: 'api', actor: 'assistant' as const, inputSha256: 'in', peakHeapBytes: null, startedAt: '2026-12-07T08:00:00.000Z' };
  store.executions.record({
    ...base, skillSlug: 'custom-weather', action: 'forecast', triggeredBy: 'custom-morning-routine@v1.2.0', status: 'succeeded', outputSha256: 'out', error: null, durationMs: 150, http: [request],
  });
  store.executions.record({
    ...base, skillSlug: 'custom-weather', action: 'forecast', status: 'failed', outputSha256: null, error: 'skill-error: refused', durationMs: 3,
    http: [{ ...request, status: null, error: 'api.other.com is not among this skill’s approved hosts', origin: 'api.other.com', address: null, redirects: 0, responseBytes: 0, responseSha256: null }],
  });
  store.close();
}

describe('foundry executions', () => {
  it('is registered', () => {
    expect(COMMANDS).toContain(executionsCommand);
  });

  it('lists each execution, newest first, with the requests it made and where they went', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    seed(env.FOUNDRY_DATA_DIR);
    const { code, out } = await run([], env);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('2 executions');
    expect(lines[1]).toMatch(/^#2 .* custom-weather v1.0.0 {2}forecast {2}failed .*\(api, assistant\)$/);
    expect(out).toMatch(/#1 .* custom-weather v1.0.0 {2}forecast {2}succeeded .*\(api by custom-morning-routine@v1.2.0, assistant\)/);
    expect(out).toContain('GET api.other.com/v1/forecast?latitude=&longitude= → no answer (api.other.com is not among this skill’s approved hosts)  0 B out, 0 B in, 143 ms, not sent');
    expect(out).toContain('GET api.open-meteo.com/v1/forecast?latitude=&longitude= → 200  0 B out, 812 B in, 143 ms, via 203.0.113.7, 1 redirect');
  });

  it('filters by skill and result, and answers JSON with the full records', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    seed(env.FOUNDRY_DATA_DIR);
    const page = JSON.parse((await run(['--succeeded', '--skill', 'custom-weather', '--json'], env)).out);
    expect(page.total).toBe(1);
    expect(page.items[0].http).toEqual([request]);
    expect((await run(['--limit', '0'], env)).code).toBe(2);
    expect((await run(['--failed', '--succeeded'], env)).code).toBe(2);
  });
});
