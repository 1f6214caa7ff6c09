/** The command as CI runs it: exit codes, formats, usage and configuration errors. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentTree, writeFixture, type Fixture } from '../tests/helpers/fixture.ts';
import { ROOT, run } from '../tests/helpers/project.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

const checkI18n = (args: string[]) => run(ROOT, process.execPath, ['scripts/check-i18n.ts', ...args]);

function fixtureWith(files: Record<string, string | null>) {
  fixture = writeFixture(contentTree(files));
  return fixture.root;
}

const TRANSLATED = (body: string) =>
  `---\ntitle: Start\ndescription: Die Startseite der Testwebsite.\norder: 0\ntranslation:\n  source: sha256:0000000000000000\n  method: human\n---\n\n${body}\n`;

describe('npm run check:i18n', () => {
  it('passes the real content: exit 0, zero findings', () => {
    const result = checkI18n(['--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    // The only findings are the pages Dutch and Arabic (partial locales) have not translated yet: warnings, never errors.
    expect(
      report.findings.filter((f: { rule: string; locale: string }) => !(f.rule === 'missing-page' && ['nl', 'ar'].includes(f.locale))),
    ).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.locales.de).toMatchObject({ status: 'complete', pages: { coverage: 1, outdated: 0 }, ui: { coverage: 1 } });
  });

  it('exits 1 on errors and prints the JSON contract', () => {
    const root = fixtureWith({ 'content/de/index.mdx': TRANSLATED('## Anfang\n\n<StorefrontTable table="audience" />') });
    const result = checkI18n(['--root', root, '--format', 'json', '--no-cache']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const finding = report.findings.find((f: { rule: string }) => f.rule === 'heading-id');
    expect(finding).toEqual({
      rule: 'heading-id',
      severity: 'error',
      locale: 'de',
      file: 'content/de/index.mdx',
      line: 10,
      column: 1,
      message: expect.any(String),
      hint: expect.any(String),
      source: { file: 'content/en/index.mdx', line: 7, column: 1 },
      // The hint's proposal as an edit: the source's id added at the end of the heading (line 10 is "## Anfang").
      fix: {
        description: finding.hint,
        replacements: [{ file: 'content/de/index.mdx', line: 10, column: 10, endLine: 10, endColumn: 10, text: ' {/* #start */}' }],
      },
    });
    expect(report.summary.byLocaleAndRule.de).toMatchObject({ 'heading-id': 1, outdated: 1 });
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('prints GitHub annotations', () => {
    const root = fixtureWith({ 'content/de/index.mdx': TRANSLATED('## Anfang\n\n<StorefrontTable table="audience" />') });
    const lines = checkI18n(['--root', root, '--format', 'github', '--no-cache']).stdout.trim().split('\n');
    expect(lines).toContain(lines.find((line) => line.startsWith('::error file=content/de/index.mdx,line=10,col=1,title=heading-id::')));
    expect(lines.some((line) => line.startsWith('::warning file=content/de/index.mdx,line=6,col=3,title=outdated::'))).toBe(true);
  });

  it('prints readable output grouped by file, without color in a pipe', () => {
    const root = fixtureWith({ 'content/de/index.mdx': TRANSLATED('## Anfang {/* #start */}\n\n<StorefrontTable table="audience" />') });
    const result = checkI18n(['--root', root, '--no-cache']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('content/de/index.mdx:6:3  warning  outdated');
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout).toMatch(
      /de \(complete\): pages 0 translated, 0 partial, 1 outdated, 0 untranslated, 0 missing of 1 \(100% in de\)/,
    );
  });

  it('fails on warnings with --strict', () => {
    const root = fixtureWith({ 'content/de/index.mdx': TRANSLATED('## Anfang {/* #start */}\n\n<StorefrontTable table="audience" />') });
    expect(checkI18n(['--root', root, '--strict', '--no-cache']).code).toBe(1);
  });

  it('exits 2 on an unknown locale, a bad option or a broken registry', () => {
    const unknown = checkI18n(['--locale', 'xx']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown locale "xx"; content/locales.json has en, de');
    expect(checkI18n(['--format', 'xml']).stderr).toContain('--format must be one of pretty, json, github');
    expect(checkI18n(['--bogus']).code).toBe(2);
    const unregistered = checkI18n(['--root', fixtureWith({ 'content/nl/index.mdx': '---\ntitle: Start\n---\n' })]);
    expect(unregistered.code).toBe(2);
    expect(unregistered.stderr).toContain('The folder "content/nl" is not a locale in content/locales.json.');
    fixture?.remove();
    const root = fixtureWith({ 'content/locales.json': '{ "source": "en", ' });
    const broken = checkI18n(['--root', root]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/content\/locales\.json:1:\d+ +error +parse-error +Invalid JSON/);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
  });
  it('reuses its last report only while nothing changed: an error made after a passing run is found on the next', () => {
    const root = fixtureWith({ 'content/de/index.mdx': TRANSLATED('## Anfang {/* #start */}\n\n<StorefrontTable table="audience" />') });
    const clean = checkI18n(['--root', root, '--format', 'json']);
    expect(clean.code, clean.output).toBe(0);
    expect(existsSync(join(root, 'node_modules/.cache/publisher-docs/check-i18n-report.json'))).toBe(true);
    expect(checkI18n(['--root', root, '--format', 'json']).stdout).toBe(clean.stdout);
    writeFileSync(join(root, 'content/de/index.mdx'), TRANSLATED('## Anfang\n\n<StorefrontTable table="audience" />'));
    const broken = checkI18n(['--root', root, '--format', 'json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).findings.map((finding: { rule: string }) => finding.rule)).toContain('heading-id');
    // The same report with the cache and without it.
    expect(checkI18n(['--root', root, '--format', 'json']).stdout).toBe(broken.stdout);
    expect(checkI18n(['--root', root, '--format', 'json', '--no-cache']).stdout).toBe(broken.stdout);
  });
});
