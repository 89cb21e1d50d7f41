// What a fetched index.json must look like before anything of it is shown or used. The index comes
// from a stranger's host: every text is bounded (it is rendered in the window and the terminal),
// every hash, key and file name has its exact form (a bundle's name is a plain file name beside the
// index, so an index cannot point a download at another host or another local file), and the
// number of listings is capped so a hostile index cannot exhaust the client.
import type { Localized } from '../../../shared/i18n-types.ts';
import { schemaChecker } from '../generator/schema-check.ts';
import { MarketError } from './market-error.ts';
import { INDEX_FORMAT, type RegistryIndex } from './registry-index.ts';

/** Far more than any personal registry; a bound on what one fetch may make the client hold. */
export const MAX_LISTINGS = 5_000;
/** An index of MAX_LISTINGS short listings fits well within this. */
export const MAX_INDEX_BYTES = 16 * 1024 * 1024;

const text = (max: number) => ({ type: 'string', maxLength: max });
const localized = (max: number) => ({ type: 'object', additionalProperties: false, required: ['en', 'pl'], properties: { en: text(max), pl: text(max) } });

const LISTING_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'slug', 'name', 'description', 'category', 'author', 'version', 'permissions', 'risk', 'auditInfo', 'configSchema', 'remoteUrl', 'bundle', 'sha256', 'signature', 'publisher', 'publishedAt'],
  properties: {
    id: text(200),
    slug: { type: 'string', pattern: '^custom-[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 64 },
    name: text(200),
    description: text(1024),
    category: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' },
    author: text(100),
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$', maxLength: 40 },
    permissions: {
      type: 'array', maxItems: 100,
      items: { type: 'object', additionalProperties: false, required: ['kind', 'target', 'text'], properties: { kind: text(32), target: { type: ['string', 'null'], maxLength: 300 }, text: localized(500), details: localized(500) } },
    },
    risk: {
      type: 'object', additionalProperties: false, required: ['level', 'reasons'],
      properties: { level: { enum: ['low', 'medium', 'high'] }, reasons: { type: 'array', maxItems: 20, items: localized(500) } },
    },
    auditInfo: {
      type: 'object', additionalProperties: false, required: ['verdict', 'warnings', 'notes', 'summary'],
      properties: { verdict: { enum: ['pass', 'warn', 'block'] }, warnings: { type: 'integer', minimum: 0 }, notes: { type: 'integer', minimum: 0 }, summary: localized(500) },
    },
    configSchema: { type: 'object' },
    remoteUrl: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^https://\\S+$', maxLength: 500 }] },
    bundle: { type: 'string', pattern: '^custom-[a-z0-9-]+-\\d+\\.\\d+\\.\\d+\\.skill$', maxLength: 120 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    signature: text(4096),
    publisher: {
      type: 'object', additionalProperties: false, required: ['name', 'publicKey', 'keyId', 'fingerprint'],
      properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, publicKey: { type: 'string', pattern: '^[A-Za-z0-9+/]{56}$' }, keyId: { type: 'string', pattern: '^[0-9A-F]{16}$' }, fingerprint: text(100) },
    },
    publishedAt: { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z$' },
  },
};

const checkIndex = schemaChecker({
  type: 'object',
  additionalProperties: false,
  required: ['format', 'generatedAt', 'listings', 'revocations'],
  properties: {
    format: { const: INDEX_FORMAT },
    generatedAt: text(40),
    listings: { type: 'array', maxItems: MAX_LISTINGS, items: LISTING_SCHEMA },
    revocations: {
      type: 'object', additionalProperties: false, required: ['bundles', 'keys'],
      properties: {
        bundles: { type: 'array', maxItems: 10_000, items: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
        keys: { type: 'array', maxItems: 1_000, items: { type: 'string', pattern: '^[0-9A-F]{16}$' } },
      },
    },
  },
});

function invalidIndex(where: string, why: Localized, details: string[] = []): MarketError {
  return new MarketError('index/invalid', { en: `The registry ${where} sent an index this app cannot read: ${why.en}`, pl: `Rejestr ${where} przysłał indeks, którego ta aplikacja nie umie odczytać: ${why.pl}` }, details);
}

/** The index in `body`, checked as the module comment says, or a MarketError naming `where`. */
export function parseRegistryIndex(body: string, where: string): RegistryIndex {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw invalidIndex(where, { en: 'it is not JSON.', pl: 'to nie jest JSON.' });
  }
  const problems = checkIndex(value);
  if (problems.length > 0) throw invalidIndex(where, { en: 'it does not have the expected shape.', pl: 'nie ma oczekiwanej postaci.' }, problems.slice(0, 10));
  const index = value as RegistryIndex;
  for (const listing of index.listings) {
    if (listing.id !== `${listing.slug}@${listing.version}` || listing.bundle !== `${listing.slug}-${listing.version}.skill`)
      throw invalidIndex(where, { en: `the listing ${listing.id} does not name its own bundle.`, pl: `wpis ${listing.id} nie wskazuje własnej paczki.` });
  }
  return index;
}
