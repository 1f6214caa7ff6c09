/** The template index: link elements of `.astro` files found with Astro's compiler, and the checking build's stamps. */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { literalKey, literalSites, parseStamp, stampTemplate } from './templates.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

const TEMPLATE = [
  '---',
  "const title = 'Über · uns';",
  'const items = [1, 2];',
  '---',
  '<head><link rel="icon" href="/favicon.svg" /><script src="/x.js"></script></head>',
  '<p>Grüße 😀 <a href="/en/legal/">Legal</a></p>',
  '<ul>{items.map((item) => <li><a class="n" href={`/en/${item}/`}>{item}</a></li>)}</ul>',
  '<Component href="/not-an-element/" />',
].join('\n');

describe('templates', () => {
  it('finds literal link attributes with their line and column, past non-ASCII text', () => {
    fixture = writeFixture({ 'src/layouts/L.astro': TEMPLATE, 'src/components/Other.astro': '<a href="/en/legal/">Again</a>' });
    const sites = literalSites(fixture.root);
    expect(sites.get(literalKey('a', 'href', '/en/legal/'))).toEqual([
      { file: 'src/components/Other.astro', line: 1, column: 4, tag: 'a', attribute: 'href', literal: '/en/legal/' },
      { file: 'src/layouts/L.astro', line: 6, column: 16, tag: 'a', attribute: 'href', literal: '/en/legal/' },
    ]);
    expect(sites.get(literalKey('link', 'href', '/favicon.svg'))).toHaveLength(1);
    expect(sites.has(literalKey('Component', 'href', '/not-an-element/'))).toBe(false);
  });

  it('stamps every link element with its template line, also inside expressions, but not <script src> or components', () => {
    const stamped = stampTemplate('src/layouts/L.astro', TEMPLATE).split('\n');
    expect(stamped[4]).toBe(
      '<head><link data-link-source="src/layouts/L.astro:5:24" rel="icon" href="/favicon.svg" /><script src="/x.js"></script></head>',
    );
    expect(stamped[5]).toBe('<p>Grüße 😀 <a data-link-source="src/layouts/L.astro:6:16" href="/en/legal/">Legal</a></p>');
    expect(stamped[6]).toContain('<a data-link-source="src/layouts/L.astro:7:43" class="n" href={`/en/${item}/`}>');
    expect(stamped[7]).toBe('<Component href="/not-an-element/" />');
    expect(parseStamp('src/layouts/L.astro:7:43')).toEqual({ file: 'src/layouts/L.astro', line: 7, column: 43 });
  });
});
