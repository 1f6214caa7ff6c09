/**
 * A generated site for benchmarks: N source pages the size of the lead-sharing
 * guide (headings, lists, tables, components, links, code) and their
 * translations in M locales, stamped as up to date, in a temporary folder.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceHash } from '../../src/content/sourceHash.ts';

const ENGLISH = 'lead storefront customer listing campaign follow process pipeline score offer partner contact team report value market growth'.split(' ');
const OTHER = 'kunde angebot kampagne prozess vertrieb bewertung partner kontakt bericht markt wachstum zielgruppe leitfaden abschnitt'.split(' ');

function sentence(words: readonly string[], seed: number, length = 14): string {
  const picked = Array.from({ length }, (_, index) => words[(seed * 7 + index * 13) % words.length]!);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function page(locale: string, index: number, pages: number, words: readonly string[], english: boolean): string {
  const next = (index + 1) % pages;
  const the = english ? 'The ' : '';
  const sections = ['overview', 'audience', 'campaigns', 'follow-up', 'next-steps'];
  const body = sections.map((id, s) => [
    `## ${the}${sentence(words, index + s, 3).slice(0, -1)} {/* #${id} */}`,
    '',
    `${sentence(words, index * 3 + s)} See [page ${next}](/${locale}/guides/page-${next}/#overview) and \`setting-${s}\` for ${s + 2} steps.`,
    '',
    `- ${sentence(words, index + s + 1, 6)}`,
    `- ${sentence(words, index + s + 2, 6)}`,
    `- ${sentence(words, index + s + 3, 6)}`,
    '',
    s % 2 === 0 ? '<StorefrontTable table="audience" />' : `<Callout type="note">\n${sentence(words, index + s + 4)}\n</Callout>`,
    '',
    s === 2 ? '```sh\nnpm run check\n```\n' : '',
  ].join('\n')).join('\n');
  return `${sentence(words, index, 20)} Read the [overview](https://learn.microsoft.com/partner-center/) first.\n\n${body}`;
}

export interface Corpus {
  root: string;
  pages: number;
  locales: string[];
}

/** Writes the corpus; `root` holds a `content/` folder like the project's. */
export function generateCorpus(projectRoot: string, pages: number, localeCount: number): Corpus {
  const root = mkdtempSync(join(tmpdir(), 'publisher-docs-bench-'));
  const locales = ['en', ...Array.from({ length: localeCount - 1 }, (_, index) => (index === 0 ? 'de' : `x${String.fromCharCode(97 + index)}`))];
  const registry = { source: 'en', locales: locales.map((code) => ({ code, name: code === 'en' ? 'English' : `Language ${code}`, dir: 'ltr', status: 'complete' })) };
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'content/locales.json'), JSON.stringify(registry, null, 2));
  for (const file of ['tables.json', 'glossary.json']) cpSync(join(projectRoot, 'content', file), join(root, 'content', file));
  for (const locale of locales) {
    const folder = join(root, 'content', locale, 'guides');
    mkdirSync(folder, { recursive: true });
    for (const file of ['ui.json', 'tables.json']) cpSync(join(projectRoot, 'content', locale === 'en' ? 'en' : 'de', file), join(root, 'content', locale, file));
  }
  for (const locale of locales) {
    const home = `---\ntitle: Home\ndescription: The home page of the benchmark corpus site.\norder: 0\n${locale === 'en' ? '' : 'translation:\n  source: HASH\n  method: human\n'}---\n\n${sentence(locale === 'en' ? ENGLISH : OTHER, 1, 20)} Start with [page 0](/${locale}/guides/page-0/).\n`;
    writeFileSync(join(root, 'content', locale, 'index.mdx'), home);
  }
  const englishHome = readFileSync(join(root, 'content/en/index.mdx'), 'utf8');
  for (const locale of locales.slice(1)) {
    const file = join(root, 'content', locale, 'index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('HASH', sourceHash(englishHome)));
  }
  for (let index = 0; index < pages; index++) {
    const english = `---\ntitle: Guide ${index}\ndescription: A generated guide page for the benchmark corpus.\norder: ${index}\n---\n\n${page('en', index, pages, ENGLISH, true)}`;
    writeFileSync(join(root, 'content/en/guides', `page-${index}.mdx`), english);
    for (const locale of locales.slice(1)) {
      const translated = `---\ntitle: Leitfaden ${index}\ndescription: Eine erzeugte Leitfadenseite für den Benchmark.\norder: ${index}\ntranslation:\n  source: ${sourceHash(english)}\n  method: human\n---\n\n${page(locale, index, pages, OTHER, false)}`;
      writeFileSync(join(root, 'content', locale, 'guides', `page-${index}.mdx`), translated);
    }
  }
  return { root, pages, locales };
}
