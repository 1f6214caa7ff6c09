import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceHash } from '../content/sourceHash.ts';
import { splitFrontmatter } from './pageFile.ts';
import { equalApartFromSpacing, isOutdated, isStillSource, pageStatus } from './status.ts';

describe('translation status', () => {
  const text = '---\ntitle: A\n---\n\nHello.\n';
  const source = { text, body: splitFrontmatter(text).body };

  it('is outdated when the recorded revision is not the current source, or there is none', () => {
    expect(isOutdated({ source: sourceHash(text) }, text)).toBe(false);
    expect(isOutdated({ source: sourceHash(text) }, text.replace('Hello', 'Hi'))).toBe(true);
    expect(isOutdated(undefined, text)).toBe(true);
    // Line endings and a BOM are not changes.
    expect(isOutdated({ source: sourceHash(text) }, `\uFEFF${text.replace(/\n/g, '\r\n')}`)).toBe(false);
  });

  it('treats a body identical to the source, whitespace aside, as still source text', () => {
    expect(isStillSource('Hello\nworld.', ' Hello world. ')).toBe(true);
    expect(isStillSource('Hello world.', 'Hallo Welt.')).toBe(false);
    expect(isStillSource('', '')).toBe(false);
  });

  it("treats a body written in the source language as still source text, though not identical (the seed's nl-NL page)", () => {
    const english =
      'When lead management is on for your listing, the storefront passes you the contact details of customers who showed interest.';
    const edited =
      'When lead management is enabled for your listing, the storefront sends you the contact details of every customer who showed interest.';
    const dutch =
      'Wanneer leadbeheer is ingeschakeld voor uw vermelding, geeft de storefront u de contactgegevens door van klanten die belangstelling toonden.';
    expect(isStillSource(english, edited, { source: 'en', target: 'nl' })).toBe(true);
    expect(isStillSource(english, dutch, { source: 'en', target: 'nl' })).toBe(false);
    expect(isStillSource(english, edited)).toBe(false);
  });

  it('orders the statuses: source, missing, untranslated, outdated, translated', () => {
    expect(pageStatus({ isSourceLocale: true, source })).toBe('source');
    expect(pageStatus({ isSourceLocale: false, source })).toBe('missing');
    expect(pageStatus({ isSourceLocale: false, source, translation: { body: '\nHello.\n', record: { source: sourceHash(text) } } })).toBe(
      'untranslated',
    );
    expect(pageStatus({ isSourceLocale: false, source, translation: { body: 'Hallo.', record: undefined } })).toBe('outdated');
    expect(pageStatus({ isSourceLocale: false, source, translation: { body: 'Hallo.', record: { source: sourceHash(text) } } })).toBe(
      'translated',
    );
  });

  it('splits frontmatter only at a leading --- fence, with CRLF and a BOM', () => {
    expect(splitFrontmatter('\uFEFF---\r\ntitle: A\r\n---\r\nBody')).toEqual({ yaml: 'title: A', body: 'Body' });
    expect(splitFrontmatter('Body\n---\nx')).toEqual({ yaml: undefined, body: 'Body\n---\nx' });
  });
});

describe('equalApartFromSpacing', () => {
  it('says what comparing both texts with their whitespace runs folded to one space and trimmed says', () => {
    const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
    const text = fc
      .array(fc.constantFrom('a', 'b', 'ä', ' ', '\n', '\t', '\u00a0', '\u3000'), { maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => equalApartFromSpacing(a, b) === (fold(a) === fold(b))),
      { numRuns: 5_000 },
    );
    expect(equalApartFromSpacing('  Hello,\n  world ', 'Hello, world')).toBe(true);
    expect(equalApartFromSpacing('Hello, world', 'Hello,world')).toBe(false);
  });
});
