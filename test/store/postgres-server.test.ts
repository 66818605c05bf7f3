// The test PostgreSQL: found where Debian puts it, and a plain instruction when it is missing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostgresBin } from '../support/postgres-server.js';
import { makeTempDir } from '../daily/helpers.js';

describe('findPostgresBin', () => {
  it("picks Debian's newest server binaries", () => {
    const root = makeTempDir();
    for (const version of ['9', '15', '13']) {
      const bin = path.join(root, version, 'bin');
      fs.mkdirSync(bin, { recursive: true });
      for (const name of ['initdb', 'postgres']) fs.writeFileSync(path.join(bin, name), '');
    }
    expect(findPostgresBin({ PATH: '' }, root)).toBe(path.join(root, '15', 'bin'));
  });

  it('says how to install them when there are none, instead of skipping the tests', () => {
    const nowhere = path.join(makeTempDir(), 'none');
    expect(() => findPostgresBin({ PATH: nowhere }, nowhere)).toThrow(
      /binaries \(initdb, postgres\) were not found.*apt-get update && apt-get install -y postgresql/,
    );
    expect(() => findPostgresBin({ POSTGRES_BIN: nowhere }, nowhere)).toThrow(
      /POSTGRES_BIN is ".*", which holds no initdb and postgres/,
    );
  });
});
