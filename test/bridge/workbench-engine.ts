// For browser tests of the workbench screens (New skill, running skills, Settings → Security): the
// approval engine of approval-engine.ts (test provider approving, passphrase secret box, a clock
// moved 30 s per code), or the same without protected storage for secrets; the water tracker
// deployed with both factors; the detector's suggestions from a conversation fixture, as
// test/integration/control-methods.test.ts proposes them.
import fs from 'node:fs';
import path from 'node:path';
import { openEngine, type Engine } from '../../main/engine.ts';
import { createSuggestionService } from '../../main/skills/detector/suggestions.ts';
import { findPatterns, parseHistory } from '../../main/skills/detector/index.ts';
import type { SkillVersionRecord } from '../../shared/contract/index.ts';
import type { SuggestionRecord } from '../../shared/skills/suggestion.ts';
import { codeAt, createClock, type Clock } from '../unit/approval/security-fixtures.ts';
import { approveNow, enrollAuthenticator, generateFromText, openApprovalEngine, type Authenticator } from './approval-engine.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export interface WorkbenchEngine {
  engine: Engine;
  clock: Clock;
}

/** With `secretStorage: false`, a computer without a keychain: no secret box, so no authenticator and no API token. */
export function openWorkbenchEngine(dataDir: string, { secretStorage = true } = {}): WorkbenchEngine {
  if (secretStorage) return openApprovalEngine(dataDir, { biometric: 'approve' });
  const clock = createClock(Date.now());
  const engine = openEngine({
    dataDir,
    now: clock.now,
    log: { rejected: () => {}, failed: () => {} },
    env: { FOUNDRY_TEST_BIOMETRIC: 'approve' },
    secretBox: null,
    approval: { allowTestProvider: true },
  });
  return { engine, clock };
}

/** The code an authenticator app shows now for the key Settings displays ("ABCD EFGH …"). */
export function codeForKey(manualKey: string, clock: Clock): Promise<string> {
  return codeAt(manualKey.replace(/\s+/g, ''), clock.now());
}

/** “Chcę śledzić ile piję wody” generated, approved with a real code and the test provider, and running. */
export async function deployWaterTracker({ engine, clock }: WorkbenchEngine): Promise<{ version: SkillVersionRecord; authenticator: Authenticator }> {
  const authenticator = await enrollAuthenticator(engine, clock, 'owner@test');
  const version = await approveNow(engine, authenticator, await generateFromText(engine));
  return { version, authenticator };
}

/** “Remind me to stretch every hour” generated, approved and running: its notify_due sends one notification per due reminder. */
export async function deployReminder({ engine, clock }: WorkbenchEngine): Promise<SkillVersionRecord> {
  const authenticator = await enrollAuthenticator(engine, clock, 'owner@test');
  return approveNow(engine, authenticator, await generateFromText(engine, 'Remind me to stretch every hour'));
}

/** Reminders already due, added through the contract as the run panel would. */
export async function addDueReminders({ engine, clock }: WorkbenchEngine, slug: string, titles: readonly string[]): Promise<void> {
  const dueAt = new Date(clock.now().getTime() - 60_000).toISOString();
  for (const title of titles) {
    const added = await engine.dispatch('skills.run', { slug, action: 'add_reminder', params: { title, due_at: dueAt } });
    if (!added.ok) throw new Error(`add_reminder failed: ${added.error.message.en}`);
  }
}

/** The detector's suggestions from a conversation fixture (history-en.json: walking, coffee, cigarettes). */
export function seedSuggestions(engine: Engine, fixture = 'history-en.json'): SuggestionRecord[] {
  const history = parseHistory(fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'));
  const service = createSuggestionService(engine.store);
  service.proposeSuggestions(findPatterns(history, { now: new Date(history.at(-1)!.at) }));
  return service.listSuggestions({ status: 'proposed' });
}
