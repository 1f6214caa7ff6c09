/**
 * Bad content stops the real build with a message a translator can act on:
 * the file, the line where there is one, what to do, and no stack trace.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, ROOT, run, type ProjectCopy, type RunResult } from './helpers/project.ts';
import { sharedBuild } from './helpers/sharedBuild.ts';
import { FALLBACK_SITE } from './helpers/sites.ts';

/**
 * Every problem below is planted in one copy of the project, each in a file of its own, and built once:
 * the guard reports all problems of a build at once (src/content/guard.ts), so one build shows each
 * problem's report, and each case is still asserted on its own, so a failure names the problem.
 * Before, each problem had a build of its own (tests of this file before the suite was sped up:
 * "stops on …" ×10, "runs no code …", "annotates the pull request …", "does not touch the content …").
 */
const CASES: [name: string, change: (dir: string) => void, place: string, message: string][] = [
  [
    'invalid frontmatter',
    (dir) => edit(dir, 'content/de/index.mdx', (t) => t.replace('order: 0', 'order: null')),
    'content/de/index.mdx:5:1',
    'Invalid frontmatter `order`',
  ],
  [
    'an MDX syntax error',
    (dir) =>
      edit(dir, 'content/de/lead-management/enable-lead-sharing.mdx', (t) =>
        t.replace('<StorefrontTable table="campaign" />', '<StorefrontTable table="campaign">'),
      ),
    'content/de/lead-management/enable-lead-sharing.mdx:',
    'MDX syntax error',
  ],
  [
    'a locale folder not in the registry',
    (dir) => mkdirSync(join(dir, 'content/fr')),
    'content/fr/',
    'is not a locale in content/locales.json',
  ],
  [
    'a registry entry without a folder',
    (dir) =>
      edit(dir, 'content/locales.json', (t) =>
        t.replace('"locales": [', '"locales": [\n    { "code": "ja", "name": "日本語", "dir": "ltr", "status": "partial" },'),
      ),
    'content/locales.json',
    'content/ja/ does not exist',
  ],
  [
    'a table label missing in the source locale',
    (dir) => edit(dir, 'content/en/tables.json', (t) => t.replace(/\s*"technology": "Technology",/, '')),
    'content/en/tables.json:',
    'Table label "item.technology" is missing',
  ],
  [
    'an import line in a page',
    (dir) =>
      edit(dir, 'content/de/lead-management/lead-data.mdx', (t) =>
        t.replace(/\n---\n/, '\n---\n\nimport Chart from "../../src/components/Chart.astro";\n'),
      ),
    'content/de/lead-management/lead-data.mdx:',
    'Pages do not import anything',
  ],
  [
    'an invalid JSON namespace',
    (dir) => edit(dir, 'content/de/ui.json', (t) => t.replace('"Sprache",', '"Sprache"')),
    'content/de/ui.json:',
    'Invalid JSON',
  ],
  [
    'a page that is not UTF-8',
    (dir) => {
      const file = join(dir, 'content/de/lead-management/how-leads-are-generated.mdx');
      writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('\nGr\xfc\xdfe\n', 'latin1')]));
    },
    'content/de/lead-management/how-leads-are-generated.mdx:',
    'not valid UTF-8',
  ],
  [
    'a symbolic link loop in content/',
    (dir) => symlinkSync('..', join(dir, 'content/de/lead-management/loop')),
    'content/de/lead-management/loop',
    'is a symbolic link (to ..)',
  ],
  [
    'raw HTML that runs script, and a script URL',
    (dir) =>
      edit(
        dir,
        'content/de/lead-management/index.mdx',
        (t) => `${t}\n## Titel <img src="x.png" onerror="alert(1)" />\n\n[x](javascript:alert(1))\n`,
      ),
    'content/de/lead-management/index.mdx:',
    '<img onerror> is not allowed in a page',
  ],
];

/** Expressions in a translation that would run code if Astro compiled the page. */
const CODE_FILE = 'content/de/lead-management/work-your-leads.mdx';
const codePayloads = (written: string) => [
  `{globalThis.process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(written)}, 'owned')}`,
  'Home: {globalThis.process.env.HOME}',
  '{(() => { while (true) {} })()}',
];

let project: ProjectCopy;
let result: RunResult;
let written: string;
let firstCodeLine: number;
/** Every content file as it was handed to the build, to show the build changed none of them. */
let planted: Map<string, Buffer>;

beforeAll(() => {
  project = copyProject();
  const { dir } = project;
  for (const [, change] of CASES) change(dir);
  written = join(dir, 'pwned.txt');
  const before = readFileSync(join(dir, CODE_FILE), 'utf8');
  writeFileSync(join(dir, CODE_FILE), `${before}\n${codePayloads(written).join('\n\n')}\n`);
  firstCodeLine = before.split('\n').length + 1;
  planted = contentFiles(dir);
  // Inside GitHub Actions, so the same build also shows the annotations on the pull request's lines.
  result = run(dir, process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { GITHUB_ACTIONS: 'true' });
});
afterAll(() => project?.remove());

/** Every file under content/ (symbolic links as their target's name), read as bytes. */
function contentFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, 'content'), { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) files.set(path, Buffer.from(`-> ${readlinkSync(path)}`));
    else if (entry.isFile()) files.set(path, readFileSync(path));
  }
  return files;
}

function edit(dir: string, file: string, replace: (text: string) => string) {
  const path = join(dir, file);
  writeFileSync(path, replace(readFileSync(path, 'utf8')));
}

const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m;
/** The guard's report lines: `file:line:col  error  rule  message`. */
const reportLines = () => result.output.split('\n');

describe('a build with bad content', () => {
  it('stops with exit 1 and no stack trace', () => {
    expect(result.code, result.output).toBe(1);
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  it.each(CASES)('stops on %s, naming the place and what is wrong on one line', (_name, _change, place, message) => {
    expect(
      reportLines().some((line) => line.includes(place) && line.includes(message) && !line.startsWith('::')),
      result.output,
    ).toBe(true);
  });

  it('runs no code from a translation: refused by the guard before Astro compiles the page, each at its line', () => {
    // It ends (the endless loop never runs), with the guard's report and no stack trace.
    for (const [index, column] of [
      [0, 1],
      [2, 7],
      [4, 1],
    ] as const)
      expect(result.output).toContain(`${CODE_FILE}:${firstCodeLine + index}:${column}`);
    expect(result.output).toContain('mdx-expression');
    expect(existsSync(written)).toBe(false);
    // Nothing was built that could show the value.
    const dist = join(project.dir, 'dist');
    const built = existsSync(dist) ? readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')) : [];
    for (const name of built) expect(readFileSync(join(dist, name), 'utf8')).not.toContain(homedir());
    expect(result.output).not.toContain(`Home: ${homedir()}`);
  });

  it('annotates the pull request inside GitHub Actions', () => {
    expect(result.stdout).toMatch(/^::error file=content\/de\/index\.mdx,line=5,col=1,title=frontmatter::Invalid frontmatter `order`/m);
  });

  it('does not touch the content it rejects', () => {
    expect(readFileSync(join(project.dir, 'content/de/index.mdx'), 'utf8')).toContain('order: null');
    expect(contentFiles(project.dir)).toEqual(planted);
  });
});

describe('a locale missing a page', () => {
  it('serves the source page as a fallback, marked as English and not indexed', async () => {
    // The shared build whose German guide is missing (tests/helpers/sites.ts), also read by the browser tests.
    const { dist } = sharedBuild(FALLBACK_SITE);
    const { readPage } = await import('./helpers/html.ts');
    const page = readPage(dist, 'de/lead-management/enable-lead-sharing/index.html');
    expect(page.attr('html', 'lang')).toBe('de');
    expect(page.attr('main', 'lang')).toBe('en');
    expect(page.text('main h1')).toBe('Enable lead sharing for your marketplace listing');
    expect(page.attr('meta[name="robots"]', 'content')).toContain('noindex');
    expect(page.attr('link[rel="canonical"]', 'href')).toBe('https://publishers.example.com/en/lead-management/enable-lead-sharing/');
    // English content keeps English table labels; the page chrome stays German.
    expect(
      page.all('table[data-table="audience"] thead th').map((th) => th.children.map((c) => ('value' in c ? c.value : '')).join('')),
    ).toEqual(['Storefront', 'Audience']);
    expect(page.text('a.skip-link')).toBe('Zum Inhalt springen');
  });
});
