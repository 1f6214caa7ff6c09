import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSourceLanguage, sentencesOf } from './language.ts';

const GLOSSARY = ['AppSource', 'Azure Marketplace', 'Microsoft', 'Co-Sell', 'CRM', 'Storefront'];

describe('isSourceLanguage on short text', () => {
  it.each([
    ['de', 'Follow up on every lead'],
    ['de', 'Qualify each lead and score it as a sales opportunity.'],
    ['de', 'Connect your own CRM system'],
    ['de', 'Where leads go for follow-up'],
    ['nl', 'Next steps for your listing'],
    ['nl', 'Keep this work in line with your overall marketing strategy.'],
    ['nl', 'Business customers'],
  ])('finds English left in a %s translation: %s', (target, text) => {
    expect(isSourceLanguage(text, 'en', target, GLOSSARY)).toBe(true);
  });

  it.each([
    ['de', 'Jeden Lead nachverfolgen'],
    ['de', 'Qualifizieren Sie jeden Lead und bewerten Sie ihn als Verkaufschance.'],
    ['de', 'Ihr CRM-System'],
    ['de', 'Wen Sie erreichen'],
    ['nl', 'Elke lead opvolgen'],
    ['nl', 'Volgende stappen'],
    ['nl', 'Kwalificeer elke lead en beoordeel hem als verkoopkans.'],
    ['nl', 'Zakelijke klanten'],
  ])('accepts a real %s translation: %s', (target, text) => {
    expect(isSourceLanguage(text, 'en', target, GLOSSARY)).toBe(false);
  });

  it('does not guess on text too short to tell, or made only of glossary terms', () => {
    expect(isSourceLanguage('Apps', 'en', 'de')).toBe(false);
    expect(isSourceLanguage('AppSource and Azure Marketplace', 'en', 'nl', GLOSSARY)).toBe(false);
  });

  it('finds the one English sentence in an otherwise Dutch paragraph', () => {
    const paragraph =
      'Zorg voor een opvolgingsproces voordat de eerste lead binnenkomt. Depending on the storefront, leads reach these places.';
    const english = sentencesOf(paragraph, 'nl').filter((sentence) => isSourceLanguage(sentence, 'en', 'nl', GLOSSARY));
    expect(english).toEqual(['Depending on the storefront, leads reach these places.']);
  });

  it('works for a German source too (the question is always source against target)', () => {
    expect(isSourceLanguage('Die beiden Storefronts sprechen unterschiedliche Kunden an.', 'de', 'en', GLOSSARY)).toBe(true);
    expect(isSourceLanguage('The two storefronts serve different customers.', 'de', 'en', GLOSSARY)).toBe(false);
  });
});

describe('sentencesOf', () => {
  it('cuts text where Intl.Segmenter does, in each script, also when it answers without asking it', () => {
    const segmented = (text: string, tag: string) =>
      [...new Intl.Segmenter(tag, { granularity: 'sentence' }).segment(text)].map((part) => part.segment.trim()).filter(Boolean);
    const piece = fc.constantFrom('a', 'B', ' ', 'Dr', '.', '!', '?', '\n', '。', '”', ')', '1', ',', ';', '؟', '۔', 'ي', '-');
    const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));
    for (const tag of ['en', 'de', 'ar'])
      fc.assert(
        fc.property(text, (value) => JSON.stringify(sentencesOf(value, tag)) === JSON.stringify(segmented(value, tag))),
        { numRuns: 2_000 },
      );
  });
});
