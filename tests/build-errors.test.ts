/**
 * Bad content stops the real build with a message a translator can act on:
 * the file, the line where there is one, what to do, and no stack trace.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, ROOT, run, type ProjectCopy } from './helpers/project.ts';

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

function buildWith(change: (dir: string) => void) {
  project = copyProject();
  change(project.dir);
  return astroBuild(project.dir);
}

function edit(dir: string, file: string, replace: (text: string) => string) {
  const path = join(dir, file);
  writeFileSync(path, replace(readFileSync(path, 'utf8')));
}

const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m;

describe('a build with bad content', () => {
  it.each([
    [
      'invalid frontmatter',
      (dir: string) => edit(dir, 'content/de/index.mdx', (t) => t.replace('order: 0', 'order: null')),
      'content/de/index.mdx:5:1',
      'Invalid frontmatter `order`',
    ],
    [
      'an MDX syntax error',
      (dir: string) =>
        edit(dir, 'content/de/lead-management/enable-lead-sharing.mdx', (t) =>
          t.replace('<StorefrontTable table="campaign" />', '<StorefrontTable table="campaign">'),
        ),
      'content/de/lead-management/enable-lead-sharing.mdx:',
      'MDX syntax error',
    ],
    [
      'a locale folder not in the registry',
      (dir: string) => mkdirSync(join(dir, 'content/fr')),
      'content/fr/',
      'is not a locale in content/locales.json',
    ],
    [
      'a registry entry without a folder',
      (dir: string) =>
        edit(dir, 'content/locales.json', (t) =>
          t.replace('"locales": [', '"locales": [\n    { "code": "ja", "name": "日本語", "dir": "ltr", "status": "partial" },'),
        ),
      'content/locales.json',
      'content/ja/ does not exist',
    ],
    [
      'a table label missing in the source locale',
      (dir: string) => edit(dir, 'content/en/tables.json', (t) => t.replace(/\s*"technology": "Technology",/, '')),
      'content/en/tables.json:',
      'Table label "item.technology" is missing',
    ],
    [
      'an import line in a page',
      (dir: string) =>
        edit(dir, 'content/de/index.mdx', (t) => t.replace(/\n---\n/, '\n---\n\nimport Chart from "../../src/components/Chart.astro";\n')),
      'content/de/index.mdx:',
      'Pages do not import anything',
    ],
    [
      'an invalid JSON namespace',
      (dir: string) => edit(dir, 'content/de/ui.json', (t) => t.replace('"Sprache",', '"Sprache"')),
      'content/de/ui.json:',
      'Invalid JSON',
    ],
    [
      'a page that is not UTF-8',
      (dir: string) =>
        writeFileSync(
          join(dir, 'content/de/index.mdx'),
          Buffer.concat([readFileSync(join(dir, 'content/de/index.mdx')), Buffer.from('\nGr\xfc\xdfe\n', 'latin1')]),
        ),
      'content/de/index.mdx:',
      'not valid UTF-8',
    ],
    [
      'a symbolic link loop in content/',
      (dir: string) => symlinkSync('..', join(dir, 'content/de/lead-management/loop')),
      'content/de/lead-management/loop',
      'is a symbolic link (to ..)',
    ],
    [
      'raw HTML that runs script, and a script URL',
      (dir: string) =>
        edit(dir, 'content/de/index.mdx', (t) => `${t}\n## Titel <img src="x.png" onerror="alert(1)" />\n\n[x](javascript:alert(1))\n`),
      'content/de/index.mdx:',
      '<img onerror> is not allowed in a page',
    ],
  ])('stops on %s, naming the place and no stack trace', (_name, change, place, message) => {
    const result = buildWith(change);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain(place);
    expect(result.output).toContain(message);
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  it('runs no code from a translation: refused by the guard before Astro compiles the page, each at its line', () => {
    project = copyProject();
    const written = join(project.dir, 'pwned.txt');
    const payloads = [
      `{globalThis.process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(written)}, 'owned')}`,
      'Home: {globalThis.process.env.HOME}',
      '{(() => { while (true) {} })()}',
    ];
    const file = 'content/de/lead-management/work-your-leads.mdx';
    const before = readFileSync(join(project.dir, file), 'utf8');
    writeFileSync(join(project.dir, file), `${before}\n${payloads.join('\n\n')}\n`);
    const firstLine = before.split('\n').length + 1;
    const result = astroBuild(project.dir);
    // It ends (the endless loop never runs), with the guard's report and no stack trace.
    expect(result.code, result.output).toBe(1);
    for (const [index, column] of [
      [0, 1],
      [2, 7],
      [4, 1],
    ] as const)
      expect(result.output).toContain(`${file}:${firstLine + index}:${column}`);
    expect(result.output).toContain('mdx-expression');
    expect(result.output).not.toMatch(STACK_FRAME);
    expect(existsSync(written)).toBe(false);
    // Nothing was built that could show the value.
    const dist = join(project.dir, 'dist');
    const built = existsSync(dist) ? readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')) : [];
    for (const name of built) expect(readFileSync(join(dist, name), 'utf8')).not.toContain(homedir());
    expect(result.output).not.toContain(`Home: ${homedir()}`);
  });

  it('annotates the pull request inside GitHub Actions', () => {
    project = copyProject();
    edit(project.dir, 'content/de/index.mdx', (t) => t.replace('order: 0', 'order: null'));
    const result = run(project.dir, process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      GITHUB_ACTIONS: 'true',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=content\/de\/index\.mdx,line=5,col=1,title=frontmatter::Invalid frontmatter `order`/m);
  });

  it('does not touch the content it rejects', () => {
    const result = buildWith((dir) => edit(dir, 'content/de/index.mdx', (t) => t.replace('order: 0', 'order: zero')));
    expect(result.code).toBe(1);
    expect(readFileSync(join(project!.dir, 'content/de/index.mdx'), 'utf8')).toContain('order: zero');
  });
});

describe('a locale missing a page', () => {
  it('serves the source page as a fallback, marked as English and not indexed', async () => {
    const result = buildWith((dir) => rmSync(join(dir, 'content/de/lead-management/enable-lead-sharing.mdx')));
    expect(result.code, result.output).toBe(0);
    const { readPage } = await import('./helpers/html.ts');
    const page = readPage(join(project!.dir, 'dist'), 'de/lead-management/enable-lead-sharing/index.html');
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
