import { appendFileSync, mkdirSync, readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentTree, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import type { Report } from '../../src/report/report.ts';
import { openReportCache } from './reportCache.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

const REPORT: Report<{ errors: number }> = {
  findings: [{ file: 'content/de/index.mdx', line: 3, column: 1, rule: 'heading-id', severity: 'error', message: 'x' }],
  summary: { errors: 1 },
};
const SETTINGS = { rules: ['heading-id'], locales: null };

function stored(root: string, settings: unknown = SETTINGS) {
  return openReportCache<{ errors: number }>(root, 'check', settings).get();
}

describe('a checker’s stored report', () => {
  it('is given back while nothing it was computed from changed, and not once a content file did', () => {
    fixture = writeFixture(contentTree());
    const { root } = fixture;
    expect(stored(root)).toBeUndefined();
    openReportCache(root, 'check', SETTINGS).save(REPORT);
    expect(stored(root)).toEqual(REPORT);
    appendFileSync(join(root, 'content/de/index.mdx'), '\nNeu.\n');
    expect(stored(root)).toBeUndefined();
  });

  it('is not given back for other settings, another command, a renamed, added or removed file, or a new link', () => {
    fixture = writeFixture(contentTree());
    const { root } = fixture;
    const save = () => openReportCache(root, 'check', SETTINGS).save(REPORT);
    save();
    expect(stored(root, { rules: ['heading-id'], locales: ['de'] })).toBeUndefined();
    expect(openReportCache(root, 'other', SETTINGS).get()).toBeUndefined();
    const changes = [
      () => renameSync(join(root, 'content/de/index.mdx'), join(root, 'content/de/start.mdx')),
      () => writeFileSync(join(root, 'content/de/extra.json'), '{}'),
      () => unlinkSync(join(root, 'content/de/extra.json')),
      () => mkdirSync(join(root, 'content/fr')),
      () => symlinkSync('../en', join(root, 'content/fr/en')),
    ];
    for (const change of changes) {
      change();
      expect(stored(root), change.toString()).toBeUndefined();
      save();
      expect(stored(root)).toEqual(REPORT);
    }
  });

  it('is not given back after a commit, which can change what the history rules find', async () => {
    fixture = writeFixture(contentTree());
    const { root } = fixture;
    const { execFileSync } = await import('node:child_process');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    openReportCache(root, 'check', SETTINGS).save(REPORT);
    expect(stored(root)).toEqual(REPORT);
    git('commit', '-q', '--allow-empty', '-m', 'two');
    expect(stored(root)).toBeUndefined();
  });

  it('ignores a damaged or foreign file in its place', () => {
    fixture = writeFixture(contentTree());
    const { root } = fixture;
    const file = join(root, 'node_modules/.cache/publisher-docs/check-report.json');
    mkdirSync(join(root, 'node_modules/.cache/publisher-docs'), { recursive: true });
    const header = (file: string) => readFileSync(file, 'utf8').split('\n')[0];
    openReportCache(root, 'check', SETTINGS).save(REPORT);
    const valid = header(file);
    for (const text of [
      '{',
      '[]',
      JSON.stringify({ format: 'something else', key: 'x', report: REPORT }),
      `${valid}\n{"findings": [`,
      `${valid}`,
    ]) {
      writeFileSync(file, text);
      expect(stored(root)).toBeUndefined();
    }
  });
});
