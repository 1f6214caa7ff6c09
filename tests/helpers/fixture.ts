/** Writes a small content tree into a temporary folder: `{ 'content/en/a.mdx': '…' }`. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseRegistry, type LocaleRegistry } from '../../src/i18n/locales.ts';

export interface Fixture {
  root: string;
  remove(): void;
}

export function writeFixture(files: Record<string, string>): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'content-fixture-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export const REGISTRY = JSON.stringify({
  source: 'en',
  locales: [
    { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
    { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete' },
  ],
});

/** English source, German complete, Dutch partial: the registry unit tests build small sites in memory with. */
export const EN_DE_NL = parseRegistry({
  source: 'en',
  locales: [
    { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
    { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete' },
    { code: 'nl', name: 'Nederlands', dir: 'ltr', status: 'partial' },
  ],
}) as LocaleRegistry;

export const TABLES = JSON.stringify({
  brands: { a: 'Alpha', b: 'Beta' },
  storefronts: ['a', 'b'],
  tables: { audience: { column: 'audience', rows: { a: ['x'], b: [{ brand: 'a' }] } } },
});

export const LABELS = (words: { caption: string; storefront: string; audience: string; x: string }) =>
  JSON.stringify(
    { caption: { audience: words.caption }, column: { storefront: words.storefront, audience: words.audience }, item: { x: words.x } },
    null,
    2,
  );

export const page = (frontmatter: Record<string, unknown>, body: string) =>
  `---\n${Object.entries(frontmatter)
    .map(
      ([key, value]) =>
        `${key}: ${
          typeof value === 'object'
            ? `\n${Object.entries(value as object)
                .map(([k, v]) => `  ${k}: ${v}`)
                .join('\n')}`
            : value
        }`,
    )
    .join('\n')}\n---\n\n${body}\n`;

/** A minimal valid two-locale content tree; override or add files per test. */
export function contentTree(overrides: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string | null> = {
    'content/locales.json': REGISTRY,
    'content/tables.json': TABLES,
    'content/en/ui.json': '{"skipLink": "Skip"}',
    'content/en/tables.json': LABELS({ caption: 'Who', storefront: 'Storefront', audience: 'Audience', x: 'Everyone' }),
    'content/de/ui.json': '{"skipLink": "Springen"}',
    'content/de/tables.json': LABELS({ caption: 'Wer', storefront: 'Storefront', audience: 'Zielgruppe', x: 'Alle' }),
    'content/en/index.mdx': page(
      { title: 'Home', description: 'The home page of the fixture site.', order: 0 },
      '## Start {/* #start */}\n\n<StorefrontTable table="audience" />',
    ),
    'content/de/index.mdx': page(
      { title: 'Start', description: 'Die Startseite der Testwebsite.', order: 0 },
      '## Anfang {/* #start */}\n\n<StorefrontTable table="audience" />',
    ),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== null));
}
