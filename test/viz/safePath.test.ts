import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveInside } from '../../viz/server/safePath.ts';
import { tempDir } from '../helpers.ts';

const root = fs.realpathSync(tempDir('icity-safe-path-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('resolveInside follows links only to visible files', () => {
  it('refuses a link inside the folder that leads to a hidden file or into a hidden folder', async () => {
    fs.writeFileSync(path.join(root, '.secret'), 'token');
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, '.git', 'config'), '[core]');
    fs.writeFileSync(path.join(root, 'metrics.csv'), 'day\n0\n');
    fs.symlinkSync('.secret', path.join(root, 'visible-link'));
    fs.symlinkSync('.git', path.join(root, 'gitdir-link'));
    fs.symlinkSync('metrics.csv', path.join(root, 'metrics-link.csv'));
    expect(await resolveInside(root, 'visible-link')).toMatchObject({ ok: false, status: 403, reason: 'a link that leads to a hidden file or folder' });
    expect(await resolveInside(root, 'gitdir-link/config')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveInside(root, 'metrics-link.csv')).toMatchObject({ ok: true, file: path.join(root, 'metrics.csv') });
  });
});
