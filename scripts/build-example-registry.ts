// Rebuilds examples/registry/: packs and signs each skill folder under examples/registry/src/ with
// the demo publisher's secret key, writes the public key beside them and builds index.json (with
// the audit gate). The secret key is never in the repository: pass its path; a missing file is
// created (mode 0600), and then the public key and every signature change.
//
//   node scripts/build-example-registry.ts ~/.config/skill-foundry-demo.key
import fs from 'node:fs';
import path from 'node:path';
import { importSkillFolder } from '../main/skills/generator/index.ts';
import { buildRegistryIndex, generateKeyPair, INDEX_FILE, packBundle, parseSecretKey, publicKeyFileText, SIGNATURE_EXTENSION } from '../main/skills/marketplace/index.ts';
import { closeSharedAuditor } from '../main/skills/validator/audit-off-thread.ts';

const registry = path.resolve(import.meta.dirname, '../examples/registry');
const PUBLISHER = 'Skill Foundry Demo';
const keyFile = process.argv[2];
if (!keyFile) {
  console.error('usage: node scripts/build-example-registry.ts SECRET_KEY_FILE');
  process.exit(2);
}
if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, generateKeyPair().secretKeyFile, { flag: 'wx', mode: 0o600 });
const key = parseSecretKey(fs.readFileSync(keyFile, 'utf8'));
fs.writeFileSync(path.join(registry, 'publisher.pub'), publicKeyFileText(key.publicKey));

for (const old of fs.readdirSync(registry).filter((name) => name.endsWith('.skill') || name.endsWith(SIGNATURE_EXTENSION))) fs.rmSync(path.join(registry, old));
for (const folder of fs.readdirSync(path.join(registry, 'src')).sort()) {
  const candidate = importSkillFolder(path.join(registry, 'src', folder));
  const packed = await packBundle({ ...candidate, slug: candidate.manifest.slug, version: candidate.manifest.version }, key, new Date());
  fs.writeFileSync(path.join(registry, packed.fileName), packed.archive);
  fs.writeFileSync(path.join(registry, `${packed.fileName}${SIGNATURE_EXTENSION}`), packed.signature);
  console.log(`packed ${packed.fileName}  sha256 ${packed.sha256}`);
}
const { index, refused } = await buildRegistryIndex(registry, { name: PUBLISHER, key: key.publicKey }, new Date());
fs.writeFileSync(path.join(registry, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`);
for (const r of refused) console.error(`not listed: ${r.file}: ${r.reason.en}\n  ${r.details.join('\n  ')}`);
console.log(`${INDEX_FILE}: ${index.listings.length} listed, key ${key.keyId} (${key.publicKey.fingerprint})`);
await closeSharedAuditor();
process.exitCode = refused.length === 0 ? 0 : 1;
