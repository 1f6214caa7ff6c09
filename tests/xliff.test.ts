/**
 * The XLIFF round trip on temporary copies of the project: `i18n:export`,
 * a translator's edits made on the XML tree (as a CAT tool makes them), and
 * `i18n:import`. German comes back byte for byte and `check:i18n` says what it
 * said before; a new French page is written, stamped, passes the content
 * guard and `check:i18n` with only the expected warnings; tampered
 * placeholders and malformed XML are refused and nothing is written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardContent } from '../src/content/guard.ts';
import { loadRegistry } from '../src/i18n/locales.ts';
import { runInProcess } from './helpers/inProcess.ts';
import { copyProject, type ProjectCopy } from './helpers/project.ts';

const GUIDE = 'lead-management/enable-lead-sharing.mdx';
/** A command as a translator runs it, in this worker (tests/helpers/inProcess.ts; tests/cli.test.ts runs them as processes). */
const command = (cwd: string, script: string, ...args: string[]) => runInProcess(cwd, script, args);

const elements = (node: Root | Element, name?: string): Element[] =>
  (node.children as (Root['children'][number] | ElementContent)[]).filter(
    (child): child is Element => child.type === 'element' && (name === undefined || child.name === name),
  );
const xliffOf = (file: string) => fromXml(readFileSync(file, 'utf8'));
/** Every trans-unit of a `<file original>`, with its source and target elements. */
function unitsOf(tree: Root, original: string): { unit: Element; source: Element; target: Element }[] {
  const file = elements(elements(tree, 'xliff')[0]!, 'file').find((candidate) => candidate.attributes['original'] === original);
  if (!file) throw new Error(`no <file original="${original}">`);
  return elements(elements(file, 'body')[0]!, 'trans-unit').map((unit) => ({
    unit,
    source: elements(unit, 'source')[0]!,
    target: elements(unit, 'target')[0]!,
  }));
}
/** Every content file of a locale, by path, for byte-for-byte comparison. */
function snapshot(dir: string, locale: string): Map<string, string> {
  const folder = join(dir, 'content', locale);
  return new Map(
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.(mdx|json)$/.test(path))
      .sort()
      .map((path) => [path, readFileSync(join(folder, path), 'utf8')]),
  );
}
const checkJson = async (dir: string, locale: string) => {
  const result = await command(dir, 'scripts/check-i18n.ts', '--locale', locale, '--format', 'json', '--no-cache');
  expect(result.code, result.stderr).not.toBe(2);
  return {
    code: result.code,
    ...(JSON.parse(result.stdout) as { findings: { rule: string; severity: string; file: string; message: string }[] }),
  };
};

describe('German: export, fill, import', () => {
  let project: ProjectCopy;
  beforeAll(async () => {
    project = copyProject();
  });
  afterAll(() => project?.remove());

  it('gives the German pages back byte for byte, and check:i18n says what it said before', async () => {
    const dir = project.dir;
    const before = snapshot(dir, 'de');
    const checkBefore = await checkJson(dir, 'de');
    const exported = await command(dir, 'scripts/i18n-export.ts', 'de');
    expect(exported.code, exported.output).toBe(0);
    const file = join(dir, 'xliff/de.xlf');
    const tree = xliffOf(file);
    // Every unit of every up-to-date German page carries the German text as its target.
    const guide = unitsOf(tree, `content/en/${GUIDE}`);
    expect(guide.length).toBeGreaterThan(20);
    for (const { unit, target } of guide) {
      expect(target.attributes['state'], String(unit.attributes['id'])).toBe('translated');
      expect(target.children.length, String(unit.attributes['id'])).toBeGreaterThan(0);
    }
    const heading = guide.find(({ unit }) => unit.attributes['id'] === 'follow-up.1')!;
    expect(toXml(heading.target)).toBe(
      '<target state="translated">Jeden Lead nachverfolgen <ph id="1" ctype="x-heading-id">{/* #follow-up */}</ph></target>',
    );
    const withLink = guide.find(({ unit }) => unit.attributes['id'] === '_intro.1')!;
    // Links are tag pairs whose URL never reaches the translator; glossary terms are locked placeholders.
    expect(toXml(withLink.source)).toContain(
      '<g id="1" ctype="link"><ph id="2" ctype="x-term">Microsoft</ph> <ph id="3" ctype="x-term">AppSource</ph></g>',
    );
    expect(toXml(withLink.source)).not.toContain('appsource.microsoft.com');

    const imported = await command(dir, 'scripts/i18n-import.ts', file);
    expect(imported.code, imported.output).toBe(0);
    expect(imported.stdout).toContain('0 files written');
    const after = snapshot(dir, 'de');
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, text] of before) expect(after.get(path), path).toBe(text);
    const checkAfter = await checkJson(dir, 'de');
    expect(checkAfter.code).toBe(checkBefore.code);
    expect(checkAfter.findings).toEqual(checkBefore.findings);
  });

  it('writes a German sentence a translator changed, and stamps the page through the stamp logic', async () => {
    const dir = project.dir;
    const file = join(dir, 'xliff/de.xlf');
    const tree = xliffOf(file);
    const unit = unitsOf(tree, `content/en/${GUIDE}`).find(({ unit }) => unit.attributes['id'] === 'who-you-reach.2')!;
    unit.target.children = [
      { type: 'text', value: 'Die beiden Storefronts erreichen verschiedene Kunden; auch ihre Leads unterscheiden sich.' },
    ];
    writeFileSync(file, toXml(tree));
    const imported = await command(dir, 'scripts/i18n-import.ts', file);
    expect(imported.code, imported.output).toBe(0);
    expect(imported.stdout).toContain(`content/de/${GUIDE}  written and stamped`);
    const page = readFileSync(join(dir, 'content/de', GUIDE), 'utf8');
    expect(page).toContain(
      '\n\nDie beiden Storefronts erreichen verschiedene Kunden; auch ihre Leads unterscheiden sich.\n\n<StorefrontTable table="audience" />',
    );
    expect(page).toContain('## Wen Sie erreichen {/* #who-you-reach */}');
    // The stamp already recorded this source revision: the record is unchanged, and the page is still translated.
    const status = await command(dir, 'scripts/i18n-status.ts', '--locale', 'de', '--format', 'json');
    const rows = (JSON.parse(status.stdout) as { summary: { locales: { pages: { slug: string; status: string }[] }[] } }).summary
      .locales[0]!.pages;
    expect(rows.find((row) => row.slug === 'lead-management/enable-lead-sharing')?.status).toBe('translated');
  });

  it('marks the sections the model names as changed for review, and stamps the page only once they are done', async () => {
    const dir = project.dir;
    const english = join(dir, 'content/en', GUIDE);
    writeFileSync(
      english,
      readFileSync(english, 'utf8').replace(
        'Have a follow-up process in place before the first lead arrives.',
        'Have a follow-up process, and an owner for it, in place before the first lead arrives.',
      ),
    );
    const german = readFileSync(join(dir, 'content/de', GUIDE), 'utf8');
    expect((await command(dir, 'scripts/i18n-export.ts', 'de')).code).toBe(0);
    const file = join(dir, 'xliff/de.xlf');
    const tree = xliffOf(file);
    const units = unitsOf(tree, `content/en/${GUIDE}`);
    const stateOf = (id: string) => units.find(({ unit }) => unit.attributes['id'] === id)!.target.attributes['state'];
    expect(stateOf('follow-up.2')).toBe('needs-review-translation');
    expect(stateOf('follow-up.1')).toBe('needs-review-translation');
    expect(stateOf('who-you-reach.2')).toBe('translated');
    const note = elements(units.find(({ unit }) => unit.attributes['id'] === 'follow-up.2')!.unit, 'note').map((element) =>
      toXml(element.children),
    );
    expect(note).toContain('Changed in the source since the translation: #follow-up (text).');

    // Imported as exported: the review is not done, so the page is left alone.
    const untouched = await command(dir, 'scripts/i18n-import.ts', file);
    expect(untouched.code, untouched.output).toBe(0);
    expect(untouched.stdout).toMatch(
      new RegExp(
        `content/de/${GUIDE}  not written: 3 of \\d+ units are not translated or not marked done yet \\(follow-up\\.1, follow-up\\.2, follow-up\\.3\\)`,
      ),
    );
    expect(readFileSync(join(dir, 'content/de', GUIDE), 'utf8')).toBe(german);

    // The translator reviews the section and marks it done: the page is written and stamped, and translated again.
    for (const { target } of units) target.attributes['state'] = 'translated';
    const paragraph = units.find(({ unit }) => unit.attributes['id'] === 'follow-up.2')!.target;
    paragraph.children = paragraph.children.map((child) =>
      child.type === 'text'
        ? { ...child, value: child.value.replace('Richten Sie', 'Richten Sie – mit einer verantwortlichen Person –') }
        : child,
    );
    writeFileSync(file, toXml(tree));
    const reviewed = await command(dir, 'scripts/i18n-import.ts', file);
    expect(reviewed.code, reviewed.output).toBe(0);
    expect(reviewed.stdout).toContain(`content/de/${GUIDE}  written and stamped`);
    const status = await command(dir, 'scripts/i18n-status.ts', '--locale', 'de', '--format', 'json');
    const rows = (JSON.parse(status.stdout) as { summary: { locales: { pages: { slug: string; status: string }[] }[] } }).summary
      .locales[0]!.pages;
    expect(rows.find((row) => row.slug === 'lead-management/enable-lead-sharing')?.status).toBe('translated');
  });
});

describe('French: a new locale', () => {
  let project: ProjectCopy;
  beforeAll(async () => {
    project = copyProject();
    const added = await command(project.dir, 'scripts/i18n-add.ts', 'fr');
    if (added.code !== 0) throw new Error(added.output);
  });
  afterAll(() => project?.remove());

  it('exports new units, and imports one translated page that passes the content guard and check:i18n', async () => {
    const dir = project.dir;
    const exported = await command(dir, 'scripts/i18n-export.ts', 'fr', '--out', 'translations/fr.xlf');
    expect(exported.code, exported.output).toBe(0);
    const file = join(dir, 'translations/fr.xlf');
    const tree = xliffOf(file);
    const units = unitsOf(tree, `content/en/${GUIDE}`);
    for (const { target } of units) expect(target.attributes['state']).toBe('new');
    // The translator's work: every unit of the guide, its tags copied from the source.
    for (const { source, target } of units) {
      target.children = [{ type: 'text', value: 'Traduit : ' }, ...(structuredClone(source.children) as ElementContent[])];
      target.attributes['state'] = 'translated';
    }
    // And two UI strings, one with an i18next variable kept as its locked tag.
    const strings = unitsOf(tree, 'content/en/ui.json');
    const skip = strings.find(({ unit }) => unit.attributes['id'] === 'skipLink')!;
    skip.target.children = [{ type: 'text', value: 'Aller au contenu' }];
    skip.target.attributes['state'] = 'translated';
    const switchTo = strings.find(({ unit }) => unit.attributes['id'] === 'languagePicker.switchTo')!;
    expect(toXml(switchTo.source.children)).toBe('Read this page in <ph id="1" ctype="x-i18next">{{language}}</ph>');
    switchTo.target.children = [{ type: 'text', value: 'Lire cette page en ' }, structuredClone(elements(switchTo.source, 'ph')[0]!)];
    switchTo.target.attributes['state'] = 'translated';
    const uiBefore = readFileSync(join(dir, 'content/fr/ui.json'), 'utf8');
    writeFileSync(file, toXml(tree));
    const imported = await command(dir, 'scripts/i18n-import.ts', 'translations/fr.xlf');
    expect(imported.code, imported.output).toBe(0);
    expect(imported.stdout).toContain(`content/fr/${GUIDE}  written and stamped`);

    const page = readFileSync(join(dir, 'content/fr', GUIDE), 'utf8');
    const source = readFileSync(join(dir, 'content/en', GUIDE), 'utf8');
    expect(page).toMatch(/^---\ntitle: "Traduit : Enable lead sharing for your marketplace listing"\n/);
    expect(page).toContain('\n## Traduit : Follow up on every lead {/* #follow-up */}\n');
    expect(page).toContain('[connect your offer to a lead destination](/fr/lead-management/connect-a-lead-destination/)');
    expect(page).toContain('<StorefrontTable table="follow-up" />\n\n<Callout type="note">\nTraduit : Storefront leads');
    expect(page).toContain('\n- Traduit : Qualify each lead');
    expect(page).toMatch(/\ntranslation:\n {2}source: sha256:[0-9a-f]+\n {2}method: human\n {2}sections:\n/);
    // Everything but the text is the source's: the same lines, the same code and components.
    expect(
      page
        .split('\n')
        .filter((line) => line.startsWith('<'))
        .join('\n'),
    ).toBe(
      source
        .split('\n')
        .filter((line) => line.startsWith('<'))
        .join('\n'),
    );

    // The string file changes in exactly those two values; its formatting stays.
    const uiAfter = readFileSync(join(dir, 'content/fr/ui.json'), 'utf8');
    expect(uiAfter).toBe(
      uiBefore
        .replace('"skipLink": "Skip to content"', '"skipLink": "Aller au contenu"')
        .replace('"switchTo": "Read this page in {{language}}"', '"switchTo": "Lire cette page en {{language}}"'),
    );
    expect(uiAfter).not.toBe(uiBefore);

    const guard = await guardContent(dir);
    expect(guard.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const check = await checkJson(dir, 'fr');
    expect(check.code).toBe(0);
    const unexpected = check.findings.filter((finding) => !['missing-page', 'ui-untranslated', 'untranslated'].includes(finding.rule));
    expect(unexpected).toEqual([]);
    // The guide itself has no finding but that its text (a prefix on English) is still English.
    expect(check.findings.filter((finding) => finding.file === `content/fr/${GUIDE}`).map((finding) => finding.rule)).toEqual([
      'untranslated',
    ]);
  });
});

describe('refusals', () => {
  let project: ProjectCopy;
  let file: string;
  let before: Map<string, string>;
  beforeAll(async () => {
    project = copyProject();
    const exported = await command(project.dir, 'scripts/i18n-export.ts', 'de');
    if (exported.code !== 0) throw new Error(exported.output);
    file = join(project.dir, 'xliff/de.xlf');
    before = snapshot(project.dir, 'de');
  });
  afterAll(() => project?.remove());

  /** Edits a copy of the export: a new title (so an accepted import would write), plus the tampering. */
  const tampered = async (name: string, tamper: (units: ReturnType<typeof unitsOf>, tree: Root) => void) => {
    const tree = xliffOf(file);
    const units = unitsOf(tree, `content/en/${GUIDE}`);
    units.find(({ unit }) => unit.attributes['id'] === '_meta.title')!.target.children = [{ type: 'text', value: 'Ein neuer Titel' }];
    tamper(units, tree);
    const path = join(project.dir, `xliff/${name}.xlf`);
    writeFileSync(path, toXml(tree));
    return command(project.dir, 'scripts/i18n-import.ts', path);
  };
  const target = (units: ReturnType<typeof unitsOf>, id: string) => units.find(({ unit }) => unit.attributes['id'] === id)!.target;
  const expectNothingWritten = () => {
    const after = snapshot(project.dir, 'de');
    for (const [path, text] of before) expect(after.get(path), path).toBe(text);
  };

  it('accepts the untampered edit (the control)', async () => {
    const result = await tampered('control', () => {});
    expect(result.code, result.output).toBe(0);
    expect(readFileSync(join(project.dir, 'content/de', GUIDE), 'utf8')).toContain('title: Ein neuer Titel\n');
    writeFileSync(join(project.dir, 'content/de', GUIDE), before.get(GUIDE)!);
  });

  it('refuses a changed placeholder, naming the unit and both contents', async () => {
    const result = await tampered('changed', (units) => {
      const ph = elements(target(units, 'follow-up.1'), 'ph')[0]!;
      ph.children = [{ type: 'text', value: '{/* #nachverfolgen */}' }];
    });
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toContain(
      'Unit "follow-up.1": placeholder 1 was changed: it holds “{/* #nachverfolgen */}”, the source\'s holds “{/* #follow-up */}”.',
    );
    expect(result.stderr).toMatch(/xliff\/changed\.xlf:\d+:\d+/);
    expectNothingWritten();
  });

  it('refuses a dropped link (tag pair), naming the unit', async () => {
    const result = await tampered('dropped', (units) => {
      const unit = target(units, '_intro.1');
      unit.children = unit.children.flatMap((child) =>
        child.type === 'element' && child.name === 'g' && child.attributes['id'] === '4' ? child.children : [child],
      );
    });
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toMatch(/Unit "_intro\.1": tag pair 4 \(link: .*\) was dropped/);
    expectNothingWritten();
  });

  it('refuses a duplicated placeholder and an invented one', async () => {
    const result = await tampered('duplicated', (units, tree) => {
      const unit = target(units, 'follow-up.1');
      const ph = elements(unit, 'ph')[0]!;
      unit.children.push({ type: 'text', value: ' ' }, structuredClone(ph));
      target(units, 'next-steps.1').children.push({
        type: 'element',
        name: 'ph',
        attributes: { id: '9' },
        children: [{ type: 'text', value: '{alert(1)}' }],
      });
      const skip = unitsOf(tree, 'content/en/ui.json').find(({ unit }) => unit.attributes['id'] === 'skipLink')!.target;
      skip.children = [{ type: 'text', value: 'Zum Inhalt {{evil}}' }];
    });
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toContain('Unit "follow-up.1": placeholder 1 (“{/* #follow-up */}”) is there 2 times; the source has it once.');
    expect(result.stderr).toContain('Unit "next-steps.1": placeholder 9 is not in the source (it holds “{alert(1)}”).');
    expect(result.stderr).toContain('Unit "skipLink": the translation writes i18next markup as text (“Zum Inhalt {{evil}}”)');
    expectNothingWritten();
  });

  it('refuses a translation that would split a block, naming the unit', async () => {
    const result = await tampered('split', (units) => {
      target(units, 'who-you-reach.2').children = [{ type: 'text', value: 'Erster Absatz.\n\nZweiter Absatz.' }];
    });
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toContain(
      'Unit "who-you-reach.2" or "what-leads-are-for.1": the translation changes the page\'s blocks (a paragraph where the source has a heading)',
    );
    expectNothingWritten();
  });

  it('refuses to export an unknown locale or the source, with exit 2', async () => {
    const unknown = await command(project.dir, 'scripts/i18n-export.ts', 'xx');
    expect(unknown.code).toBe(2);
    const translations = loadRegistry(project.dir)
      .translations.map((entry) => entry.code)
      .join(', ');
    expect(unknown.stderr).toContain(
      `"xx" is not a locale in content/locales.json (${translations}); add it first with npm run i18n:add -- xx.`,
    );
    expect((await command(project.dir, 'scripts/i18n-export.ts', 'en')).stderr).toContain('"en" is the source locale');
  });

  it('refuses malformed XML with exit 2 and its line', async () => {
    const path = join(project.dir, 'xliff/broken.xlf');
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes('</source>'));
    lines[index] = lines[index]!.replace('</source>', '</sorce>');
    writeFileSync(path, lines.join('\n'));
    const result = await command(project.dir, 'scripts/i18n-import.ts', path);
    expect(result.code, result.output).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`xliff/broken\\.xlf:${index + 1}:\\d+ +error +xliff-malformed +The XLIFF file cannot be read: malformed XML`),
    );
    expectNothingWritten();
  });
});
