/**
 * What both checkers' commands share, run as CI runs them: rule selection,
 * every output format, extra outputs in one run, and usage errors (exit 2,
 * one message naming what is wrong, never a stack trace).
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTree, writeFixture } from './helpers/fixture.ts';
import { ROOT, run } from './helpers/project.ts';

const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m;
const checker = (script: string) => (args: string[]) => run(ROOT, process.execPath, [`scripts/${script}.ts`, ...args]);
const checkI18n = checker('check-i18n');
// The fixture has no build: the link check runs its source pass only.
const checkLinks = (args: string[]) => checker('check-links')(args.includes('--dist') ? args : [...args, '--source-only']);

// German page with a heading id the source lacks (heading-id, error) and an unrecorded revision (frontmatter, error).
const fixture = writeFixture(
  contentTree({
    'content/de/index.mdx':
      '---\ntitle: Start\ndescription: Die Startseite der Testwebsite.\norder: 0\n---\n\n## Anfang\n\n<StorefrontTable table="audience" />\n\n[kaputt](/de/nirgends/)\n',
  }),
);
const out = mkdtempSync(join(tmpdir(), 'checker-outputs-'));
afterAll(() => {
  fixture.remove();
  rmSync(out, { recursive: true, force: true });
});

describe.each([
  ['check:i18n', checkI18n],
  ['check:links', checkLinks],
] as const)('%s', (name, check) => {
  it('exits 2 on an unknown rule and lists the valid ones', () => {
    for (const option of ['--rule', '--ignore-rule']) {
      const result = check([option, 'no-such-rule']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`${option}: unknown rule "no-such-rule"\\. Rules: [a-z-]+(, [a-z-]+)+\\.`));
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });

  it('exits 2 on an unknown format, naming the formats', () => {
    const result = check(['--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be one of pretty, json, github, sarif, markdown; got "xml".');
    expect(check(['--output', 'xml=report.xml']).stderr).toContain('--output must be one of');
    expect(check(['--output', 'report.sarif']).stderr).toContain('--output takes <format>=<file>');
  });

  it('exits 2 when --root does not exist or is not a project, naming the folder', () => {
    const missing = check(['--root', 'no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--root no/such/folder (${join(ROOT, 'no/such/folder')}) does not exist`);
    const notProject = check(['--root', 'scripts']);
    expect(notProject.code).toBe(2);
    expect(notProject.stderr).toContain('is not a project folder: it has no content/locales.json');
    expect(`${missing.stderr}${notProject.stderr}`).not.toMatch(STACK_FRAME);
  });

  it('exits 2 when an output file cannot be written, naming it', () => {
    const result = check(['--root', fixture.root, '--output', `sarif=${join(ROOT, 'package.json')}/x.sarif`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot write ${join(ROOT, 'package.json')}/x.sarif`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('writes SARIF and Markdown files in the same run as the annotations on stdout', () => {
    const sarif = join(out, name, 'report.sarif');
    const markdown = join(out, name, 'summary.md');
    const result = check(
      ['--root', fixture.root, '--format', 'github', '--output', `sarif=${sarif}`, '--output', `markdown=${markdown}`, '--no-cache'].filter(
        (arg) => name === 'check:i18n' || arg !== '--no-cache',
      ),
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^::error file=content\/de\/index\.mdx,line=\d+,col=\d+,title=/m);
    const log = JSON.parse(readFileSync(sarif, 'utf8'));
    expect(log.runs[0].tool.driver.name).toBe(`publisher-docs ${name}`);
    expect(log.runs[0].results.length).toBe(result.stdout.trim().split('\n').length);
    expect(readFileSync(markdown, 'utf8')).toMatch(new RegExp(`^### ❌ \`${name}\`: `));
  });
});

describe('check:links options', () => {
  it('exits 2 when --dist does not exist, naming the folder', () => {
    const result = checkLinks(['--root', fixture.root, '--dist', 'no/such/dist']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--dist no/such/dist: the folder ${join(ROOT, 'no/such/dist')} does not exist; run npm run build first`,
    );
  });
});

describe('a page that cannot be read', () => {
  it.each([
    ['check:i18n', checkI18n],
    ['check:links', checkLinks],
  ] as const)('%s refuses a symbolic link in content/ by its path, reports it and exits 1 without a stack trace', (_name, check) => {
    const broken = writeFixture(contentTree());
    try {
      symlinkSync(join(broken.root, 'content/de/nowhere.mdx'), join(broken.root, 'content/de/broken.mdx'));
      const result = check(['--root', broken.root]);
      expect(result.code, result.output).toBe(1);
      expect(result.stdout).toContain('content/de/broken.mdx is a symbolic link');
      expect(result.stderr).not.toMatch(STACK_FRAME);
    } finally {
      broken.remove();
    }
  });
});

describe('rule selection on a real run', () => {
  const rules = (args: string[]) => {
    const result = checkI18n(['--root', fixture.root, '--format', 'json', '--no-cache', ...args]);
    return [...new Set((JSON.parse(result.stdout).findings as { rule: string }[]).map((finding) => finding.rule))].sort();
  };

  it('--rule runs only the named rules, --ignore-rule all but them', () => {
    const all = rules([]);
    expect(all).toEqual(expect.arrayContaining(['frontmatter', 'heading-id', 'link-mismatch']));
    expect(rules(['--rule', 'heading-id'])).toEqual(['heading-id']);
    expect(rules(['--ignore-rule', 'heading-id', '--ignore-rule', 'link-mismatch'])).toEqual(
      all.filter((rule) => rule !== 'heading-id' && rule !== 'link-mismatch'),
    );
    expect(rules(['--rule', 'outdated', '--rule', 'ui-empty'])).toEqual([]);
  });

  it('a link rule nobody selected is not reported, and its pass does not run', () => {
    const all = checkLinks(['--root', fixture.root, '--format', 'json']);
    expect(all.code).toBe(1);
    expect(JSON.parse(all.stdout).findings.map((finding: { rule: string }) => finding.rule)).toEqual(['broken-link']);
    const none = checkLinks(['--root', fixture.root, '--format', 'json', '--ignore-rule', 'broken-link']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout).findings).toEqual([]);
    const external = JSON.parse(checkLinks(['--root', fixture.root, '--format', 'json', '--rule', 'external-error']).stdout);
    expect(external.summary.builtPass).toMatchObject({ ran: false, reason: 'no selected rule reads the build' });
  });
});
