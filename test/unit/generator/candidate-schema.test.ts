import { describe, expect, it } from 'vitest';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { candidateProblems } from '../../../main/skills/generator/candidate.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';
import { importSkillFolder, exportSkillFolder } from '../../../main/skills/generator/skill-folder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('foundry-candidate-schema-');
const parsed = parseSkillRequest('Check the price of the Lego set at https://shop.example.com/lego/42115 and tell me when it drops below $100');
if (!parsed.isRequest) throw new Error('the price-watch request must parse');
const LEGO = buildOfflineCandidate(parsed.need);
const SECRET = { name: 'SHOP_API_KEY', hosts: ['shop.example.com'], title: 'Shop API key' };

/** The price watch with one change made to a copy. */
function changed(change: (candidate: SkillCandidate) => void): SkillCandidate {
  const candidate = structuredClone(LEGO);
  change(candidate);
  return candidate;
}
const firstAnswer = (candidate: SkillCandidate) => candidate.sampleInputs[0]!.http![0]!;

describe('the candidate schema: HTTP skills', () => {
  it('accepts a skill with sample HTTP answers, with or without host-bound secrets', () => {
    expect(candidateProblems(LEGO)).toEqual([]);
    expect(candidateProblems(changed((c) => (c.manifest.secrets = [SECRET])))).toEqual([]);
    const json = changed((c) => Object.assign(firstAnswer(c), { method: 'POST', status: 201, headers: { 'x-request-id': 'a1' }, body: { price: 80 } }));
    expect(candidateProblems(json)).toEqual([]);
  });

  it('accepts capabilities written as the disclosure writes them: host, host:port, http://host:port', () => {
    const origins = ['shop.example.com', 'shop.example.com:8443', 'http://192.168.1.20:8123', '[2001:db8::1]:8443'];
    expect(candidateProblems(changed((c) => (c.manifest.capabilities.http = origins)))).toEqual([]);
  });

  it('refuses a capability in any other form, saying which forms it takes', () => {
    const problems = candidateProblems(changed((c) => (c.manifest.capabilities.http = ['shop.example.com', 'https://shop.example.com', 'Shop.Example.com', 'shop.example.com:443', 'shop.example.com/lego'])));
    expect(problems).toEqual([1, 2, 3, 4].map((index) => expect.stringMatching(new RegExp(`^/manifest/capabilities/http/${index} ".+" is not an origin written as api\\.example\\.com \\(HTTPS\\), api\\.example\\.com:8443 \\(HTTPS on another port\\) or http://host:port \\(plain HTTP\\)$`))));
  });

  it('refuses a sample answer for an origin the manifest does not declare, plain HTTP included', () => {
    expect(candidateProblems(changed((c) => (firstAnswer(c).url = 'https://cdn.example.com/lego/42115')))).toEqual([
      '/sampleInputs/0/http/0/url answers requests to cdn.example.com, which is not in /manifest/capabilities/http; declare it or leave the answer out',
    ]);
    expect(candidateProblems(changed((c) => (firstAnswer(c).url = 'http://shop.example.com/lego/42115')))).toEqual([
      '/sampleInputs/0/http/0/url answers requests to http://shop.example.com, which is not in /manifest/capabilities/http; declare it or leave the answer out',
    ]);
    expect(candidateProblems(changed((c) => (firstAnswer(c).url = 'https://user:pw@shop.example.com/x')))).toEqual([
      '/sampleInputs/0/http/0/url "https://user:pw@shop.example.com/x" is not an absolute http(s) address with a host',
    ]);
  });

  it('refuses answers past their bounds: more than 10 per sample, a body over 64 KB, 256 KB in all', () => {
    expect(candidateProblems(changed((c) => (c.sampleInputs[0]!.http = Array.from({ length: 11 }, () => firstAnswer(LEGO)))))).toEqual([
      '/sampleInputs/0/http must NOT have more than 10 items',
    ]);
    expect(candidateProblems(changed((c) => (firstAnswer(c).body = 'é'.repeat(32 * 1024 + 1))))).toEqual(['/sampleInputs/0/http/0/body is 65538 bytes; at most 65536 are allowed']);
    expect(candidateProblems(changed((c) => (firstAnswer(c).body = { items: 'x'.repeat(64 * 1024) })))).toEqual([
      `/sampleInputs/0/http/0/body is ${64 * 1024 + 12} bytes; at most 65536 are allowed`,
    ]);
    const many = changed((c) => {
      c.sampleInputs[0]!.http = Array.from({ length: 5 }, () => ({ ...firstAnswer(LEGO), body: 'x'.repeat(60 * 1024) }));
    });
    const total = 5 * 60 * 1024 + Buffer.byteLength(String(LEGO.sampleInputs[1]!.http![0]!.body));
    expect(candidateProblems(many)).toEqual([`/sampleInputs: the sample answers' bodies add up to ${total} bytes; at most 262144 are allowed`]);
  });

  it('refuses answers that are not answers: another method, another scheme, a status that does not exist, a header with a space', () => {
    const problems = (change: (answer: Record<string, unknown>) => void) => candidateProblems(changed((c) => change(firstAnswer(c) as unknown as Record<string, unknown>)));
    expect(problems((a) => (a.method = 'TRACE'))).toEqual(['/sampleInputs/0/http/0/method must be equal to one of the allowed values']);
    expect(problems((a) => (a.url = 'ftp://shop.example.com/x'))).toEqual(['/sampleInputs/0/http/0/url must match pattern "^https?://"']);
    expect(problems((a) => (a.status = 600))).toEqual(['/sampleInputs/0/http/0/status must be <= 599']);
    expect(problems((a) => (a.headers = { 'content type': 'text/html' }))).toContain("/sampleInputs/0/http/0/headers must match pattern \"^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$\"");
    expect(problems((a) => delete a.body)).toEqual(["/sampleInputs/0/http/0 must have required property 'body'"]);
  });

  it('refuses secrets that are not named as placeholders can name them, or have no host', () => {
    const secrets = (secret: Record<string, unknown>) => candidateProblems(changed((c) => (c.manifest.secrets = [secret as never])));
    expect(secrets({ ...SECRET, name: '1KEY' })).toEqual(['/manifest/secrets/0/name must match pattern "^[A-Za-z][A-Za-z0-9_]{0,63}$"']);
    expect(secrets({ ...SECRET, hosts: [] })).toEqual(['/manifest/secrets/0/hosts must NOT have fewer than 1 items']);
    expect(secrets({ ...SECRET, value: 'sk-live-123' })).toEqual(['/manifest/secrets/0 must NOT have additional properties: value']);
  });

  it('travels in a skill folder with its secrets and sample answers', () => {
    const candidate = changed((c) => (c.manifest.secrets = [SECRET]));
    expect(importSkillFolder(exportSkillFolder(candidate, tempDir()))).toEqual({ ...candidate, generator: 'import', attempt: 1 });
  });
});
