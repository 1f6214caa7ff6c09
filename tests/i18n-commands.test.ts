/**
 * `i18n:stamp`, `check:i18n`'s `outdated` and `i18n:status` on temporary
 * copies of the project under git: section fingerprints name the changed
 * sections (and how they changed) in a shallow clone that lacks the
 * translated revision; a full clone adds the diff; stamping keeps a BOM and
 * CRLF byte for byte and records the review state. The commands run in this
 * worker (tests/helpers/inProcess.ts); tests/cli.test.ts runs them as processes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './helpers/inProcess.ts';
import { copyProject, type ProjectCopy } from './helpers/project.ts';

const GUIDE = 'lead-management/enable-lead-sharing';
let project: ProjectCopy;
let clones: string;
let shallow: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
/** A command as a translator runs it, in this worker (tests/helpers/inProcess.ts). */
const command = (cwd: string, script: string, ...args: string[]) => runInProcess(cwd, script, args);

beforeAll(async () => {
  project = copyProject();
  const dir = project.dir;
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\ndist/\n');
  // The German guide is stamped against the current English guide (with section fingerprints), and committed.
  const stamp = await command(dir, 'scripts/i18n-stamp.ts', `content/de/${GUIDE}.mdx`);
  if (stamp.code !== 0) throw new Error(stamp.output);
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'translated');
  // Then English changes: a sentence in #follow-up, a link target in #next-steps.
  const file = join(dir, `content/en/${GUIDE}.mdx`);
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace(
        'Have a follow-up process in place before the first lead arrives.',
        'Have a follow-up process, and an owner for it, in place before the first lead arrives.',
      )
      .replace(
        'https://learn.microsoft.com/partner-center/marketplace-offers/publisher-guide-by-offer-type',
        'https://learn.microsoft.com/partner-center/marketplace-offers/overview',
      ),
  );
  git(dir, 'commit', '-qam', 'English moves on');
  // CI's default checkout: only the newest commit.
  clones = mkdtempSync(join(tmpdir(), 'publisher-docs-clone-'));
  shallow = join(clones, 'shallow');
  git(clones, 'clone', '-q', '--depth', '1', `file://${dir}`, shallow);
  symlinkSync(join(dir, 'node_modules'), join(shallow, 'node_modules'), 'dir');
}, 120_000);

afterAll(() => {
  project?.remove();
  if (clones) rmSync(clones, { recursive: true, force: true });
});

const outdatedOf = async (cwd: string) => {
  const result = await command(cwd, 'scripts/check-i18n.ts', '--locale', 'de', '--format', 'json', '--no-cache');
  // The changed link target is also a link-mismatch error in the German page (exit 1); configuration is fine.
  expect(result.code, result.stderr).not.toBe(2);
  return (JSON.parse(result.stdout) as { findings: Record<string, unknown>[] }).findings.filter((finding) => finding.rule === 'outdated');
};

describe('section tracking', () => {
  it('names the changed sections and the kind of change in a shallow clone, from the recorded fingerprints alone', async () => {
    expect(git(shallow, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    expect(git(shallow, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
    const [finding, ...rest] = await outdatedOf(shallow);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      file: `content/de/${GUIDE}.mdx`,
      sections: ['#follow-up', '#next-steps'],
      changes: [
        { id: 'follow-up', kinds: ['text'] },
        { id: 'next-steps', kinds: ['link target'] },
      ],
      message: 'The source page changed since this translation was made; changed: #follow-up (text), #next-steps (link target).',
    });
    expect(finding).not.toHaveProperty('details');
  });

  it('adds the source diff when the translated revision is in git history', async () => {
    const [finding] = await outdatedOf(project.dir);
    expect(finding).toMatchObject({
      sections: ['#follow-up', '#next-steps'],
      message: expect.stringMatching(
        /^The source page changed since this translation was made \(since source commit [0-9a-f]{7} of \d{4}-\d{2}-\d{2}\); changed: #follow-up \(text\), #next-steps \(link target\)\.$/,
      ),
    });
    expect((finding!.details as string[]).join('\n')).toContain('+Have a follow-up process, and an owner for it');
    // It names the English change the translation is behind (the newest commit), not the older revision it was made from.
    expect(finding!.message).toContain(`since source commit ${git(project.dir, 'rev-parse', '--short=7', 'HEAD').trim()} `);
  });

  it('i18n:status says the same, per page, in every format', async () => {
    const json = await command(shallow, 'scripts/i18n-status.ts', '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const { findings, summary: report } = JSON.parse(json.stdout) as {
      findings: unknown[];
      summary: {
        sourceLocale: string;
        locales: {
          code: string;
          totals: Record<string, number> & { pages: number; coverage: number };
          pages: { slug: string; status: string; changes?: unknown; unreviewed: boolean }[];
          ui: { strings: number; translated: number };
        }[];
      };
    };
    // A status reports no problems (check:i18n does): its JSON is the shared report shape, its summary the status.
    expect(findings).toEqual([]);
    expect(report.sourceLocale).toBe('en');
    const de = report.locales.find((locale) => locale.code === 'de')!;
    expect(de.pages.find((page) => page.slug === GUIDE)).toMatchObject({
      status: 'outdated',
      changes: [
        { id: 'follow-up', kinds: ['text'] },
        { id: 'next-steps', kinds: ['link target'] },
      ],
    });
    expect(de.totals).toMatchObject({ outdated: 1, translated: de.totals.pages - 1, missing: 0, untranslated: 0 });
    const nl = report.locales.find((locale) => locale.code === 'nl')!;
    expect(nl.totals.unreviewed).toBe(nl.totals.machine);
    expect(nl.ui.translated).toBe(nl.ui.strings);
    const pretty = await command(shallow, 'scripts/i18n-status.ts', '--locale', 'de');
    expect(pretty.code, pretty.stderr).toBe(0);
    expect(pretty.stdout).toMatch(
      new RegExp(
        `\\n  outdated +content/de/${GUIDE}\\.mdx +/de/${GUIDE}/ +changed: #follow-up \\(text\\), #next-steps \\(link target\\)\\n`,
      ),
    );
    expect(pretty.stdout).not.toContain('nl (');
    expect(pretty.stdout).not.toContain('No problems');
    const markdown = await command(
      shallow,
      'scripts/i18n-status.ts',
      '--format',
      'markdown',
      '--output',
      `sarif=${join(shallow, 'status.sarif')}`,
    );
    expect(markdown.stdout).toContain(
      `| \`de\` | complete | ${de.totals.pages - 1}/${de.totals.pages} | 0 | 1 | 0 | 0 | ${Math.round(de.totals.coverage * 100)}% | ${de.ui.translated}/${de.ui.strings} (${Math.round((de.ui.translated / de.ui.strings) * 100)}%) |`,
    );
    expect(markdown.stdout).toContain(
      `| outdated | content/de/${GUIDE}.mdx | /de/${GUIDE}/ | changed: #follow-up (text), #next-steps (link target) |`,
    );
    // The other formats are the checkers' too: SARIF with no results, GitHub annotations none.
    const sarif = JSON.parse(readFileSync(join(shallow, 'status.sarif'), 'utf8')) as {
      runs: { tool: { driver: { name: string } }; results: unknown[] }[];
    };
    expect(sarif.runs[0]!.results).toEqual([]);
    expect(sarif.runs[0]!.tool.driver.name).toContain('i18n:status');
    expect((await command(shallow, 'scripts/i18n-status.ts', '--format', 'github')).stdout).toBe('');
    expect((await command(shallow, 'scripts/i18n-status.ts', '--locale', 'xx')).code).toBe(2);
    expect((await command(shallow, 'scripts/i18n-status.ts', '--format', 'xml')).code).toBe(2);
  });

  it('refuses to stamp the translation before it follows English, then stamping the updated translation makes it current again', async () => {
    const file = join(shallow, `content/de/${GUIDE}.mdx`);
    const before = readFileSync(file, 'utf8');
    const refused = await command(shallow, 'scripts/i18n-stamp.ts', `content/de/${GUIDE}.mdx`);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.stderr).toContain('not stamped');
    expect(refused.stderr).toContain('#follow-up (text)');
    expect(refused.stderr).toContain('link-mismatch');
    expect(readFileSync(file, 'utf8')).toBe(before);
    // The translator follows English: the new sentence, the new link target.
    writeFileSync(
      file,
      before
        .replace(
          'Richten Sie einen Prozess für die Nachverfolgung ein, bevor der erste Lead eintrifft.',
          'Richten Sie einen Prozess für die Nachverfolgung ein, mit einer verantwortlichen Person, bevor der erste Lead eintrifft.',
        )
        .replace(
          'https://learn.microsoft.com/partner-center/marketplace-offers/publisher-guide-by-offer-type',
          'https://learn.microsoft.com/partner-center/marketplace-offers/overview',
        ),
    );
    const stamp = await command(shallow, 'scripts/i18n-stamp.ts', `content/de/${GUIDE}.mdx`);
    expect(stamp.code, stamp.output).toBe(0);
    expect(await outdatedOf(shallow)).toEqual([]);
  });
});

describe('npm run i18n:stamp', () => {
  it('keeps a BOM and CRLF byte for byte, records machine translation as not reviewed, then reviewed', async () => {
    const file = join(shallow, 'content/nl/index.mdx');
    const crlf = `\uFEFF${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`;
    writeFileSync(file, crlf);
    // The first stamp adds the translation's own section hashes to a record from before they existed (only those
    // characters change: the BOM and every CRLF stay); the second changes nothing.
    const first = await command(shallow, 'scripts/i18n-stamp.ts', 'content/nl/index.mdx');
    expect(first.code, first.output).toBe(0);
    const upgraded = readFileSync(file, 'utf8');
    expect(upgraded.startsWith('\uFEFF')).toBe(true);
    expect(upgraded.replace(/\r\n/g, '')).not.toContain('\n');
    expect(upgraded.replace(/@[0-9a-f]{6}/g, '')).toBe(crlf);
    expect((await command(shallow, 'scripts/i18n-stamp.ts', 'content/nl/index.mdx')).stdout).toContain('already up to date');
    expect(readFileSync(file, 'utf8')).toBe(upgraded);
    const reviewed = await command(shallow, 'scripts/i18n-stamp.ts', '--reviewed', 'content/nl/index.mdx');
    expect(reviewed.code, reviewed.output).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(upgraded.replace('reviewed: false', 'reviewed: true'));
  });

  it('records machine-translated sections of a human translation, and refuses a section the source lacks', async () => {
    const file = join(shallow, 'content/de/index.mdx');
    expect((await command(shallow, 'scripts/i18n-stamp.ts', '--machine-section', 'storefronts', 'content/de/index.mdx')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('  machineSections: [storefronts]\n');
    const before = readFileSync(file, 'utf8');
    const wrong = await command(shallow, 'scripts/i18n-stamp.ts', '--machine-section', 'nope', 'content/de/index.mdx');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--machine-section nope: not a section of content/en/index.mdx');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await command(shallow, 'scripts/i18n-stamp.ts', '--reviewed', 'content/de/index.mdx')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('machineSections');
  });

  it('refuses a source page, an unknown locale and a missing file, writing nothing', async () => {
    const result = await command(shallow, 'scripts/i18n-stamp.ts', `content/en/${GUIDE}.mdx`, 'content/xx/a.mdx', 'content/de/nope.mdx');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('this is a source page');
    expect(result.stderr).toContain('"xx" is not a locale');
    expect(result.stderr).toContain('file not found');
  });
});
