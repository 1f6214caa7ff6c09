import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eldLanguages, readSubset, subsetDetector, wholeDetector } from './eldSubset.ts';

const CONTENT = join(import.meta.dirname, '../../content');

/** Every line of the real pages in a locale, plus short and mixed texts: what the check asks about. */
function samples(locale: string): string[] {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.mdx')) lines.push(...readFileSync(join(dir, entry.name), 'utf8').split('\n'));
    }
  };
  walk(join(CONTENT, locale));
  return lines.filter((line) => line.trim().length > 3);
}

describe('ELD read for two languages', () => {
  it('reads the installed database (a new eld format would fail here, not silently slow the check)', () => {
    expect(eldLanguages()).toContain('en');
    const data = readSubset(['en', 'de']);
    expect(data).toBeDefined();
    const ids = new Set(Object.values(data!.ngrams).flatMap((scores) => Object.keys(scores)));
    const codes = [...ids].map((id) => data!.languages[Number(id)]);
    expect(new Set(codes)).toEqual(new Set(['en', 'de']));
  });

  it('keeps every n-gram and score of the two languages, and nothing else', async () => {
    const file = join(import.meta.dirname, '../../node_modules/eld/src/ngrams/medium.js');
    const { ngramsData } = (await import(file)) as {
      ngramsData: { languages: Record<number, string>; ngrams: Record<string, Record<number, number>> };
    };
    const ids = Object.entries(ngramsData.languages)
      .filter(([, code]) => code === 'en' || code === 'nl')
      .map(([id]) => Number(id));
    const expected: Record<string, Record<number, number>> = {};
    for (const [key, scores] of Object.entries(ngramsData.ngrams)) {
      const kept = Object.fromEntries(Object.entries(scores).filter(([id]) => ids.includes(Number(id))));
      if (Object.keys(kept).length > 0) expected[key] = kept;
    }
    const data = readSubset(['en', 'nl'])!;
    expect(data.languages).toEqual(ngramsData.languages);
    expect({ ...data.ngrams }).toEqual(expected);
  });

  it.each([
    ['en', 'de'],
    ['en', 'nl'],
    ['en', 'ar'],
    ['de', 'en'],
  ])('answers exactly as the whole database with the subset %s, %s', (source, target) => {
    const fast = subsetDetector([source, target])!;
    expect(fast).toBeDefined();
    const slow = wholeDetector().newInstance();
    slow.setLanguageSubset([source, target]);
    const texts = [
      ...samples(target === 'en' ? 'en' : target),
      ...samples(source).slice(0, 200),
      'Follow up on every lead',
      'Jeden Lead nachverfolgen',
      "Don't forget the partner's lead",
      '',
      '12345 --- !!!',
    ];
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) {
      const [a, b] = [fast.detect(text), slow.detect(text)];
      expect({ text, language: a.language, scores: a.getScores() }).toEqual({ text, language: b.language, scores: b.getScores() });
    }
  });
});
