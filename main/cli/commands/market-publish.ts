// `foundry market keygen|pack|verify`: the publisher's side of the marketplace (marketplace/
// minisign.ts says what the keys and signatures are). Thin: parse, call the engine, print.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { refuse } from './token.ts';
import { MarketError, buildRegistryIndex, generateKeyPair, INDEX_FILE, openBundle, packApprovedVersion, parsePublicKey, parseSecretKey, SIGNATURE_EXTENSION, type PublicKey } from '../../skills/marketplace/index.ts';

export const MARKET_PUBLISH_USAGE = [
  'foundry market keygen --out PREFIX            (writes PREFIX.key, private, and PREFIX.pub)',
  'foundry market pack SLUG [--version V] --key FILE [--out DIR]',
  'foundry market verify FILE --key PUBFILE       (FILE.minisig beside FILE)',
  'foundry market index DIR --key PUBFILE --publisher NAME   (writes DIR/index.json; bundles the audit blocks are not listed)',
];

/** A MarketError as the CLI prints it; anything else is a bug and propagates. */
export function marketRefusal(io: CommandIo, json: boolean, sub: string, error: unknown): number {
  if (!(error instanceof MarketError)) throw error;
  if (json) io.out(JSON.stringify({ ok: false, error: { code: error.code, message: error.userMessage, details: error.details } }));
  else io.err([`foundry market ${sub}: ${error.userMessage.en}`, `  pl: ${error.userMessage.pl}`, ...error.details.map((d) => `  - ${d}`)].join('\n'));
  return EXIT.badInput;
}

/** A file's text, or a refusal naming it (the CLI reads only small key and signature files). */
function readSmallFile(file: string, what: { en: string; pl: string }): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(0, 64 * 1024);
  } catch {
    throw new MarketError('key/invalid', { en: `${what.en} ${file} cannot be read.`, pl: `Nie można odczytać: ${what.pl} ${file}.` });
  }
}

export const readPublicKeyFile = (file: string): PublicKey => parsePublicKey(readSmallFile(file, { en: 'The public key', pl: 'klucz publiczny' }));

export async function runMarketPublish(sub: string, args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, out: { type: 'string' }, key: { type: 'string' }, version: { type: 'string' }, publisher: { type: 'string' } },
  });
  const json = values.json;
  const usage = () => {
    io.err(`foundry market ${sub}: wrong arguments.\nusage: ${MARKET_PUBLISH_USAGE.join('\n       ')}`);
    return EXIT.badInput;
  };
  try {
    if (sub === 'keygen') {
      if (positionals.length !== 0 || !values.out) return usage();
      const pair = generateKeyPair();
      const secretFile = `${values.out}.key`;
      const publicFile = `${values.out}.pub`;
      if (fs.existsSync(secretFile) || fs.existsSync(publicFile))
        return refuse(io, json, 'market keygen', 'exists', { en: `${secretFile} or ${publicFile} already exists; a key is never overwritten.`, pl: `${secretFile} lub ${publicFile} już istnieje; klucza nigdy się nie nadpisuje.` }, EXIT.badInput);
      fs.writeFileSync(secretFile, pair.secretKeyFile, { flag: 'wx', mode: 0o600 });
      fs.writeFileSync(publicFile, pair.publicKeyFile, { flag: 'wx', mode: 0o644 });
      if (json) io.out(JSON.stringify({ ok: true, secretKey: secretFile, publicKey: publicFile, keyId: pair.publicKey.keyId, fingerprint: pair.publicKey.fingerprint }));
      else io.out([
        `secret key: ${secretFile}  (keep it private / zachowaj w tajemnicy)`,
        `public key: ${publicFile}`,
        `key id:      ${pair.publicKey.keyId}`,
        `fingerprint: ${pair.publicKey.fingerprint}`,
      ].join('\n'));
      return EXIT.ok;
    }
    if (sub === 'pack') {
      if (positionals.length !== 1 || !values.key) return usage();
      const key = parseSecretKey(readSmallFile(values.key, { en: 'The secret key', pl: 'klucz prywatny' }));
      const outDir = values.out ?? '.';
      return await withEngine(io, json, async ({ store }) => {
        try {
          const packed = await packApprovedVersion(store, positionals[0]!, values.version, key);
          const file = path.join(outDir, packed.fileName);
          fs.writeFileSync(file, packed.archive, { flag: 'wx', mode: 0o644 });
          fs.writeFileSync(`${file}${SIGNATURE_EXTENSION}`, packed.signature, { flag: 'wx', mode: 0o644 });
          if (json) io.out(JSON.stringify({ ok: true, file, signature: `${file}${SIGNATURE_EXTENSION}`, sha256: packed.sha256, keyId: key.keyId }));
          else io.out([`packed ${file}`, `signed ${file}${SIGNATURE_EXTENSION} (key ${key.keyId})`, `sha256 ${packed.sha256}`].join('\n'));
          return EXIT.ok;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST')
            return refuse(io, json, 'market pack', 'exists', { en: `${(error as NodeJS.ErrnoException).path} already exists.`, pl: `${(error as NodeJS.ErrnoException).path} już istnieje.` }, EXIT.badInput);
          return marketRefusal(io, json, sub, error);
        }
      });
    }
    if (sub === 'verify') {
      if (positionals.length !== 1 || !values.key) return usage();
      const file = positionals[0]!;
      const key = readPublicKeyFile(values.key);
      let archive: Buffer;
      try {
        archive = fs.readFileSync(file);
      } catch {
        return refuse(io, json, 'market verify', 'not-found', { en: `${file} cannot be read.`, pl: `Nie można odczytać ${file}.` }, EXIT.badInput);
      }
      const signature = fs.existsSync(`${file}${SIGNATURE_EXTENSION}`) ? fs.readFileSync(`${file}${SIGNATURE_EXTENSION}`, 'utf8') : null;
      const opened = await openBundle(archive, signature, key);
      const result = { ok: true, slug: opened.slug, version: opened.version, sha256: opened.sha256, keyId: opened.keyId, fingerprint: key.fingerprint };
      if (json) io.out(JSON.stringify(result));
      else io.out([
        `✓ ${opened.slug}@${opened.version}: signature valid, archive and skill files accepted`,
        `  pl: podpis poprawny, archiwum i pliki skilla przyjęte`,
        `  sha256 ${opened.sha256}`,
        `  key ${opened.keyId} (${key.fingerprint})`,
      ].join('\n'));
      return EXIT.ok;
    }
    if (sub === 'index') {
      const name = values.publisher?.trim() ?? '';
      if (positionals.length !== 1 || !values.key || name.length === 0 || name.length > 100) return usage();
      const dir = positionals[0]!;
      const built = await buildRegistryIndex(dir, { name, key: readPublicKeyFile(values.key) }, new Date());
      fs.writeFileSync(path.join(dir, INDEX_FILE), `${JSON.stringify(built.index, null, 2)}\n`);
      if (json) io.out(JSON.stringify({ ok: built.refused.length === 0, file: path.join(dir, INDEX_FILE), listed: built.index.listings.map((l) => l.id), refused: built.refused }));
      else {
        io.out(`${path.join(dir, INDEX_FILE)}: ${built.index.listings.length} listed / wystawiono, ${built.refused.length} refused / odrzucono`);
        for (const listing of built.index.listings) io.out(`  ✓ ${listing.id}  ${listing.auditInfo.summary.en}`);
        for (const refused of built.refused) io.err([`  ✗ ${refused.file}: ${refused.reason.en}`, `    pl: ${refused.reason.pl}`, ...refused.details.map((d) => `    - ${d}`)].join('\n'));
      }
      return built.refused.length === 0 ? EXIT.ok : EXIT.failed;
    }
    return usage();
  } catch (error) {
    return marketRefusal(io, json, sub, error);
  }
}
