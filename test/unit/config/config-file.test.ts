import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, CONFIG_KEY_NAMES } from '../../../shared/contract/config-records.ts';
import { openFoundryStore } from '../../../main/store/index.ts';
import { ConfigError, createSkillsConfig, DEFAULT_CONFIG_TEXT } from '../../../main/skills/config/index.ts';
import { parseConfigText } from '../../../main/skills/config/config-file.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

function open() {
  const store = openFoundryStore(tempDir());
  return { store, config: createSkillsConfig(store) };
}

function refusal(work: () => unknown): ConfigError {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const changes = (store: ReturnType<typeof open>['store']) => store.auditLog.page({ limit: 50, offset: 0, event: 'config.changed' }).items.map((e) => e.data);

describe('config.yaml', () => {
  it('a missing file means the seed’s defaults, and nothing is written until the first change', () => {
    const { store, config } = open();
    const view = config.view();
    expect(view).toMatchObject({ exists: false, problems: [] });
    expect(view.file).toBe(`${store.dataDir}/config.yaml`);
    expect(Object.fromEntries(view.entries.map((e) => [e.key, e.value]))).toEqual({
      'skills.enabled': true, 'skills.execution.sandbox': true, 'skills.execution.timeoutMs': 30000, 'skills.execution.maxRetries': 2,
      'skills.execution.maxParallel': 8, 'skills.execution.maxParallelPerSkill': 1, 'skills.execution.consentTimeoutSeconds': 120, 'skills.execution.shell': false, 'skills.execution.http.maxRequests': 20, 'skills.execution.http.maxResponseKb': 1024,
      'skills.learning.mode': ['user_authored', 'ai_proposed'], 'skills.learning.requireApproval': true, 'skills.learning.maxProposedPerDay': 5,
      'skills.marketplace.enabled': false, 'skills.marketplace.registryUrl': 'https://skills.friday.ai', 'skills.marketplace.autoUpdate': false,
      'skills.scheduled.enabled': true, 'skills.scheduled.maxScheduled': 20, 'skills.scheduled.maxFailures': 5,
    });
    expect(view.entries.filter((e) => e.later)).toEqual([]);
    store.close();
  });

  it('the file written on the first change is the seed’s, its defaults the same as the table’s', () => {
    expect(parseConfigText(DEFAULT_CONFIG_TEXT)).toMatchObject({ problems: [], values: Object.fromEntries(CONFIG_KEY_NAMES.map((k) => [k, CONFIG_KEYS[k].defaultValue])) });
  });

  it('a change keeps the owner’s comments and layout, and is audited with the old and new value', () => {
    const { store, config } = open();
    writeFileSync(config.file, '# my settings\nskills:\n  execution:\n    timeoutMs: 20000 # slow laptop\n  learning:\n    mode: [user_authored, ai_proposed] # both\n');
    config.set('skills.execution.timeoutMs', 15000, 'owner');
    config.set('skills.learning.mode', ['user_authored'], 'owner');
    config.set('skills.scheduled.maxScheduled', 5, 'owner');
    expect(readFileSync(config.file, 'utf8')).toBe(
      '# my settings\nskills:\n  execution:\n    timeoutMs: 15000 # slow laptop\n  learning:\n    mode: [user_authored] # both\n  scheduled:\n    maxScheduled: 5\n',
    );
    expect(config.get('skills.execution.timeoutMs')).toBe(15000);
    expect(changes(store).reverse()).toEqual([
      { key: 'skills.execution.timeoutMs', from: 20000, to: 15000, file: 'config.yaml' },
      { key: 'skills.learning.mode', from: ['user_authored', 'ai_proposed'], to: ['user_authored'], file: 'config.yaml' },
      { key: 'skills.scheduled.maxScheduled', from: null, to: 5, file: 'config.yaml' },
    ]);
    store.close();
  });

  it('refuses each value that would weaken safety, saying why, and changes nothing', () => {
    const { store, config } = open();
    config.set('skills.execution.maxRetries', 1, 'owner');
    const before = readFileSync(config.file, 'utf8');
    expect(refusal(() => config.set('skills.execution.sandbox', false, 'owner'))).toMatchObject({ reason: 'weakens-safety', userMessage: { en: expect.stringMatching(/sandbox cannot be turned off/), pl: expect.stringMatching(/Piaskownicy nie da się wyłączyć/) } });
    expect(refusal(() => config.set('skills.learning.requireApproval', false, 'owner')).userMessage.en).toMatch(/Approval cannot be turned off/);
    expect(refusal(() => config.set('skills.learning.mode', ['user_authored', 'autonomous'], 'owner')).userMessage.pl).toMatch(/Tryb autonomiczny jest wyłączony/);
    expect(readFileSync(config.file, 'utf8')).toBe(before);
    expect(changes(store)).toHaveLength(1);
    store.close();
  });

  it('refuses unknown keys and values out of range or of the wrong kind, changing nothing', () => {
    const { store, config } = open();
    expect(refusal(() => config.set('skills.execution.retries', 1, 'owner'))).toMatchObject({ reason: 'unknown-key', code: 'bad-request' });
    expect(refusal(() => config.set('skills.execution.timeoutMs', 10 * 60_000 + 1, 'owner')).userMessage.en).toMatch(/timeoutMs: must be <= 600000/);
    expect(refusal(() => config.set('skills.execution.maxRetries', 'two', 'owner')).userMessage.pl).toMatch(/maxRetries/);
    expect(refusal(() => config.set('skills.learning.mode', ['telepathy'], 'owner')).reason).toBe('invalid-value');
    expect(refusal(() => config.set('skills.marketplace.registryUrl', 'http://skills.example', 'owner')).reason).toBe('invalid-value');
    expect(refusal(() => config.set('skills.marketplace.registryUrl', 'https://a.example ftp://b.example', 'owner')).reason).toBe('invalid-value');
    expect(config.view().exists).toBe(false);
    store.close();
  });

  it('errors in a hand-edited file name the key, the line and the column, in English and Polish', () => {
    const { store, config } = open();
    writeFileSync(config.file, 'skills:\n  execution:\n    timeoutMs: soon\n  learning:\n    maxProposedPerDay: 500\n  colour: blue\n');
    expect(config.problems()).toEqual([
      expect.objectContaining({ kind: 'invalid', key: 'skills.execution.timeoutMs', line: 3, column: 16, message: { en: 'skills.execution.timeoutMs (line 3, column 16): must be integer.', pl: expect.stringContaining('(wiersz 3, kolumna 16)') } }),
      expect.objectContaining({ kind: 'invalid', key: 'skills.learning.maxProposedPerDay', line: 5, column: 24 }),
      expect.objectContaining({ kind: 'unknown-key', key: null, line: 6, column: 3, message: expect.objectContaining({ en: expect.stringContaining('skills.colour') }) }),
    ]);
    // The invalid values are not used: their defaults are.
    expect(config.get('skills.execution.timeoutMs')).toBe(30000);
    expect(config.get('skills.learning.maxProposedPerDay')).toBe(5);
    store.close();
  });

  it('a hand-edited weakening value is not used: the safe value is, and the problem is reported', () => {
    const { store, config } = open();
    writeFileSync(config.file, 'skills:\n  execution:\n    sandbox: false\n  learning:\n    requireApproval: false\n    mode: [ai_proposed, autonomous]\n');
    expect(config.get('skills.execution.sandbox')).toBe(true);
    expect(config.get('skills.learning.requireApproval')).toBe(true);
    expect(config.get('skills.learning.mode')).toEqual(['ai_proposed']);
    expect(config.problems().map((p) => [p.kind, p.key, p.line])).toEqual([
      ['weakens-safety', 'skills.execution.sandbox', 3], ['weakens-safety', 'skills.learning.requireApproval', 5], ['weakens-safety', 'skills.learning.mode', 6],
    ]);
    // Setting the safe value fixes the file.
    config.set('skills.execution.sandbox', true, 'owner');
    expect(config.problems().map((p) => p.key)).not.toContain('skills.execution.sandbox');
    store.close();
  });

  it('a file that is not YAML: defaults are used, the position is given, and no change is written over it', () => {
    const { store, config } = open();
    writeFileSync(config.file, 'skills:\n  enabled: [\n');
    expect(config.problems()).toEqual([expect.objectContaining({ kind: 'syntax', line: 3, column: 1 })]);
    expect(config.get('skills.enabled')).toBe(true);
    expect(refusal(() => config.set('skills.enabled', false, 'owner'))).toMatchObject({ reason: 'file-invalid', code: 'conflict' });
    expect(readFileSync(config.file, 'utf8')).toBe('skills:\n  enabled: [\n');
    store.close();
  });
});
