import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentTree, page, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { liveChecks, type CheckState } from './checks.ts';

const ORIGIN = 'https://publishers.example.com';
let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

/** The fixture site with a German home page whose heading lost the source's id and which links nowhere. */
function planted() {
  fixture = writeFixture(
    contentTree({
      'content/de/index.mdx': page(
        { title: 'Start', description: 'Die Startseite der Testwebsite.', order: 0 },
        '## Anfang {/* #anfang */}\n\nSiehe [die Anleitung](/de/nirgends/).\n\n<StorefrontTable table="audience" />',
      ),
    }),
  );
  return fixture.root;
}

describe('liveChecks', () => {
  it('gives the page on screen the findings of check:i18n and of the link source pass, with rule and place', async () => {
    const checks = liveChecks(planted(), ORIGIN);
    const result = await checks.forUrl('/de/');
    expect(result.failure).toBeUndefined();
    expect(result.page).toMatchObject({ locale: 'de', ownFile: 'content/de/index.mdx' });
    expect(result.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          checker: 'check:i18n',
          rule: 'heading-id',
          file: 'content/de/index.mdx',
          line: 7,
          source: expect.objectContaining({ file: 'content/en/index.mdx' }),
        }),
        expect.objectContaining({ checker: 'check:links', rule: 'broken-link', file: 'content/de/index.mdx', line: 9 }),
      ]),
    );
    expect((await checks.forUrl('/en/')).findings).toEqual([]);
  });

  it('runs again after a save, for the saved locale only, and the page findings follow', async () => {
    const root = planted();
    const runs: CheckState[] = [];
    const checks = liveChecks(root, ORIGIN, (state) => runs.push(state));
    const before = (await checks.forUrl('/de/')).findings.map((f) => f.rule);
    expect(before).toContain('heading-id');
    const file = join(root, 'content/de/index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{/* #anfang */}', '{/* #start */}'));
    checks.changed('content/de/index.mdx');
    expect((await checks.forUrl('/de/')).findings.map((f) => f.rule)).toEqual(before.filter((rule) => rule !== 'heading-id'));
    expect(runs.map((run) => run.ok && run.scope)).toEqual(['de']);
    // A save in the source locale runs the check for every locale.
    checks.changed('content/en/index.mdx');
    await checks.current();
    expect(runs.map((run) => run.ok && run.scope)).toEqual(['de', 'all']);
  });

  it('ignores what is outside content/', async () => {
    const runs: CheckState[] = [];
    const checks = liveChecks(planted(), ORIGIN, (state) => runs.push(state));
    await checks.current();
    checks.changed('src/pages/index.astro');
    await checks.current();
    expect(runs).toEqual([]);
  });

  it('fails with the reason and its place when the content cannot be loaded, never with an empty list', async () => {
    const root = planted();
    const checks = liveChecks(root, ORIGIN);
    await checks.current();
    writeFileSync(join(root, 'content/locales.json'), '{ "source": "en", ');
    checks.changed('content/locales.json');
    const result = await checks.forUrl('/de/');
    expect(result.failure?.message).toMatch(/could not run/);
    expect(result.failure?.findings).toEqual([
      expect.objectContaining({ file: 'content/locales.json', rule: expect.any(String), line: expect.any(Number) }),
    ]);
  });
});
