import { afterEach, describe, expect, it } from 'vitest';
import { writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { parsePage } from './parsedPage.ts';
import { parseInParallel } from './parallelParse.ts';
import { openParseCache } from './parseCache.ts';
import { parseRegistry, type LocaleRegistry } from '../i18n/locales.ts';
import { loadSite } from '../model/site.ts';

const registry = parseRegistry({ source: 'en', locales: [{ code: 'en', name: 'English', dir: 'ltr', status: 'complete' }] }) as LocaleRegistry;

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

describe('parseInParallel', () => {
  it('parses what the cache lacks in worker threads, exactly as the sequential parser would', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 420; index++) {
      files[`content/en/p${index}.mdx`] = `---\ntitle: Page ${index}\ndescription: A generated page for the parallel parse test.\norder: ${index}\n---\n\n## Part {/* #part */}\n\n- [link](/en/p${(index + 1) % 420}/) with \`code\` ${index}\n`;
    }
    files['content/en/broken.mdx'] = '---\ntitle: Broken\n---\n\nText {oops\n';
    fixture = writeFixture(files);
    const cache = openParseCache(fixture.root, null);
    const parsed = await parseInParallel(loadSite(fixture.root, registry).files, ['en'], cache);
    expect(parsed).toBe(421);
    for (const name of ['p0.mdx', 'p419.mdx', 'broken.mdx']) {
      const file = `content/en/${name}`;
      const text = files[file]!;
      expect(cache.has(file, text)).toBe(true);
      expect(cache.get(file, text, () => { throw new Error('not cached'); })).toEqual(parsePage(file, name, 'en', text));
    }
  });

  it('leaves small sites to the main thread', async () => {
    fixture = writeFixture({ 'content/en/a.mdx': '---\ntitle: A\n---\n' });
    expect(await parseInParallel(loadSite(fixture.root, registry).files, ['en'], openParseCache(fixture.root, null))).toBe(0);
  });
});
