import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainEntries } from '../../../scripts/build.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

describe('main bundle entries', () => {
  const tempDir = useTempDir();

  it('builds the app entry alone while the sandbox host does not exist', () => {
    const root = tempDir();
    expect(mainEntries(root)).toEqual({ index: path.join(root, 'main/index.ts') });
  });

  it('adds the sandbox host as out/main/sandbox-host.js once its entry exists', () => {
    const root = tempDir();
    const host = path.join(root, 'main/skills/sandbox/host-entry.ts');
    fs.mkdirSync(path.dirname(host), { recursive: true });
    fs.writeFileSync(host, '');
    expect(mainEntries(root)).toEqual({ index: path.join(root, 'main/index.ts'), 'sandbox-host': host });
  });
});
