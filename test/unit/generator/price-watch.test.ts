import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { HttpSample } from '../../../shared/skills/candidate.ts';
import type { ModAction } from '../../../shared/skills/mod-types.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { buildOfflineCandidate, offlineGenerator } from '../../../main/skills/generator/offline-generator.ts';
import { parseSkillMd } from '../../../main/skills/generator/skill-md.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { useCandidateSandbox, type CandidateAtWork } from './sandbox-harness.ts';

function needOf(request: string): SkillNeed {
  const parsed = parseSkillRequest(request);
  if (!parsed.isRequest) throw new Error(`"${request}" must parse: ${parsed.reason.en}`);
  return parsed.need;
}

const LEGO = needOf('Check the price of the Lego set at https://shop.example.com/lego/42115 and tell me when it drops below $100');
const ROWER = needOf('Sprawdzaj cenę roweru pod adresem https://sklep.example.pl/rowery/123 i daj znać, gdy spadnie poniżej 1 999,99 zł');
const PAGE = 'https://shop.example.com/lego/42115';

const page = (price: string, status = 200): HttpSample[] => [{ url: PAGE, status, body: `<html><p class="price">${price}</p></html>` }];
/** The settings as the sandbox hands them: the schema's defaults, with the owner's changes. */
function settings(candidate: ReturnType<typeof buildOfflineCandidate>, changes: Record<string, unknown> = {}) {
  const properties = candidate.configSchema.properties as Record<string, { default: unknown }>;
  return { ...Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, schema.default])), ...changes };
}

describe('the offline generator: a price watch', () => {
  const lego = buildOfflineCandidate(LEGO);
  const rower = buildOfflineCandidate(ROWER);

  it('is named after the thing watched, reaches only the page’s site over HTTPS, and notifies', () => {
    expect(lego.manifest).toMatchObject({
      slug: 'custom-lego-set-price-watch',
      name: 'Lego Set Price Watch',
      capabilities: { reads: ['exo_lego_set_price_readings'], writes: ['exo_lego_set_price_readings'], http: ['shop.example.com'], notifications: true, skills: [] },
    });
    expect(lego.manifest.secrets).toBeUndefined();
    expect(lego.code).toContain('foundry.http.get("https://shop.example.com/" + url.slice(25)');
    const onAnotherPort = buildOfflineCandidate(needOf('Check the price at https://shop.example.com:8443/p/1 and tell me when it drops below 80 EUR'));
    expect(onAnotherPort.manifest.capabilities.http).toEqual(['shop.example.com:8443']);
    const plain = buildOfflineCandidate(needOf('Check the price at http://192.168.1.20:8123/p/1 and tell me when it drops below 80 EUR'));
    expect(plain.manifest.capabilities.http).toEqual(['http://192.168.1.20:8123']);
  });

  it('passes the audit as it is, and the same request gives a byte-identical candidate', async () => {
    for (const candidate of [lego, rower]) {
      const report = auditSkill(candidate.code, { manifest: candidate.manifest });
      expect(report.findings).toEqual([]);
      expect(report.capabilities).toMatchObject(candidate.manifest.capabilities);
    }
    expect(JSON.stringify(await offlineGenerator.generate(structuredClone(LEGO)))).toBe(JSON.stringify(lego));
  });

  it('has settings for the address, the threshold and a JSON field, with the request’s values as defaults, labelled in its language', () => {
    const validate = new Ajv({ strict: true, allErrors: true, useDefaults: true }).compile(lego.configSchema);
    const values: Record<string, unknown> = {};
    expect(validate(values)).toBe(true);
    expect(values).toEqual({ url: PAGE, threshold: 100, field: '' });
    expect(validate({ url: 'https://shop.example.com/lego/10300', threshold: 80, field: 'offers.0.price' })).toBe(true);
    expect(validate({ url: 'https://other.example.net/lego/42115', threshold: 100 })).toBe(false);
    expect(validate({ url: PAGE, threshold: 0 })).toBe(false);
    expect(validate({ url: PAGE, threshold: 100, field: 'offers..price' })).toBe(false);
    expect(rower.configSchema.properties).toMatchObject({
      url: { title: 'Adres strony z ceną', default: 'https://sklep.example.pl/rowery/123' },
      threshold: { title: 'Powiadom poniżej ceny', default: 1999.99 },
    });
  });

  it('offers check_price with more time than the default 5 s, in the request’s language, in the real sandbox', async () => {
    const [check, ...others] = (await box.run(lego, { method: 'getActions' }, 'tenant-actions')).result as unknown as ModAction[];
    expect(others).toEqual([]);
    expect(check).toMatchObject({ slug: 'check_price', name: 'Check the price', timeoutMs: 15_000, params_schema: { type: 'object', properties: {}, additionalProperties: false } });
    const [sprawdz] = (await box.run(rower, { method: 'getActions' }, 'tenant-actions')).result as unknown as ModAction[];
    expect(sprawdz?.name).toBe('Sprawdź cenę');
  });

  it('has a SKILL.md that says what it checks and documents its settings', () => {
    const { frontMatter, body } = parseSkillMd(lego.skillMd, { folderName: lego.manifest.slug });
    expect(frontMatter.description).toMatch(/^Checks the price of lego set at shop\.example\.com and notifies the owner once when it drops under 100 USD\./);
    expect(frontMatter.metadata).toMatchObject({ kind: 'price-watch', language: 'en' });
    expect(body).toContain('## Settings');
    expect(body).toContain('`threshold`: notify when the price drops under it (default 100 USD)');
  });

  it('answers each sample check from its sample page: the first above the threshold, the second below it', async () => {
    const host = box.atWork(lego, settings(lego) as never, 'tenant-samples');
    const results: unknown[] = [];
    for (const sample of lego.sampleInputs) {
      host.answer(sample.http ?? []);
      results.push(sample.method === 'executeAction' ? await host.call('executeAction', sample.action!, sample.params) : await host.call(sample.method));
    }
    expect(results[0]).toEqual({ success: true, data: { price: 125, threshold: 100, below: false, notified: false } });
    expect(results[1]).toEqual({ success: true, data: { price: 80, threshold: 100, below: true, notified: true } });
    expect(results[3]).toEqual([{ type: 'success', title: 'Price under your threshold: lego set', message: 'Now 80 USD, under 100 USD' }]);
    expect(host.requests).toEqual(['GET shop.example.com/lego/42115', 'GET shop.example.com/lego/42115']);
  });
});

describe('a price watch at work in the sandbox (settings as foundry.config, the network answered from samples)', () => {
  const lego = buildOfflineCandidate(LEGO);
  let tenants = 0;
  const atWork = (candidate: typeof lego, config: Record<string, unknown>) => box.atWork(candidate, config as never, `tenant-work-${++tenants}`);
  const check = async (host: CandidateAtWork, price: string) => {
    host.answer(page(price));
    return host.call('executeAction', 'check_price');
  };

  it('notifies once when the price drops under the threshold, not again while it stays under, and again after it rose', async () => {
    const host = atWork(lego, settings(lego));
    for (const price of ['$125.00', '$99.99', '$79', '$120', '$1,099.50', '$90']) await check(host, price);
    expect(host.notifications).toEqual([
      { title: 'Price drop: lego set', body: 'Now 99.99 USD, under 100 USD' },
      { title: 'Price drop: lego set', body: 'Now 90 USD, under 100 USD' },
    ]);
    expect(host.rows('exo_lego_set_price_readings').map((r) => [r.price, r.notified])).toEqual([
      [125, false], [99.99, true], [79, false], [120, false], [1099.5, false], [90, true],
    ]);
    expect(await host.call('getData')).toMatchObject({ url: PAGE, threshold: 100, currency: 'USD', last: { price: 90 }, lowest: { price: 79 }, below: true });
    expect(await host.call('getInsights')).toEqual([{ type: 'success', title: 'Price under your threshold: lego set', message: 'Now 90 USD, under 100 USD' }]);
  });

  it('follows the threshold the owner set, and says the last and lowest price while above it', async () => {
    const host = atWork(lego, settings(lego, { threshold: 50 }));
    await check(host, '$79');
    await check(host, '$85');
    expect(host.notifications).toEqual([]);
    expect(await host.call('getInsights')).toEqual([{ type: 'info', title: 'Last price: lego set', message: '85 USD, lowest 79 USD' }]);
  });

  it('reads Polish prices in Polish: "1 299,99 zł" is 1299.99', async () => {
    const rower = buildOfflineCandidate(ROWER);
    const host = atWork(rower, settings(rower));
    host.answer([{ url: 'https://sklep.example.pl/rowery/123', body: '<span>Cena: 1 299,99 zł</span><span>Dostawa 15 zł</span>' }]);
    expect(await host.call('executeAction', 'check_price')).toEqual({ success: true, data: { price: 1299.99, threshold: 1999.99, below: true, notified: true } });
    expect(host.notifications).toEqual([{ title: 'Cena spadła: roweru', body: 'Teraz 1299.99 zł, poniżej 1999.99 zł' }]);
  });

  it('reads the price from a JSON field when the owner names one', async () => {
    const host = atWork(lego, settings(lego, { field: 'offers.0.price' }));
    host.answer([{ url: PAGE, body: { offers: [{ price: '89.90', currency: 'USD' }] } }]);
    expect(await host.call('executeAction', 'check_price')).toMatchObject({ success: true, data: { price: 89.9 } });
    host.answer([{ url: PAGE, body: { offers: [] } }]);
    expect(await host.call('executeAction', 'check_price')).toEqual({ success: false, error: 'No price found in the field offers.0.price' });
    host.answer([{ url: PAGE, body: 'Service unavailable' }]);
    expect(await host.call('executeAction', 'check_price')).toEqual({ success: false, error: 'No price found in the field offers.0.price' });
  });

  it('fails with a clear reason and keeps nothing when the page cannot be read', async () => {
    const host = atWork(lego, settings(lego));
    host.answer([]);
    expect(await host.call('executeAction', 'check_price')).toEqual({
      success: false,
      error: 'Could not fetch the page: no sample response matches GET shop.example.com/lego/42115 (a dry run sends nothing before approval)',
    });
    host.answer(page('$10', 503));
    expect(await host.call('executeAction', 'check_price')).toEqual({ success: false, error: 'The page answered with status 503' });
    host.answer(page('Sold out'));
    expect(await host.call('executeAction', 'check_price')).toEqual({ success: false, error: 'No price found on the page' });
    expect(await host.call('executeAction', 'buy_it')).toEqual({ success: false, error: 'Unknown action' });
    expect(host.rows('exo_lego_set_price_readings')).toEqual([]);
    expect(host.notifications).toEqual([]);
  });

  it('never sends a request to another site, whatever the settings say', async () => {
    const host = atWork(lego, settings(lego, { url: 'https://shop.example.com.evil.example/lego' }));
    host.answer(page('$10'));
    expect(await host.call('executeAction', 'check_price')).toEqual({
      success: false,
      error: 'The address in the settings is not on https://shop.example.com/; this skill may only check that site',
    });
    expect(host.requests).toEqual([]);
  });
});

const box = useCandidateSandbox();
