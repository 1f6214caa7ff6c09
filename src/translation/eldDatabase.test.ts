import { eld } from 'eld/medium';
import { describe, expect, it } from 'vitest';
import { detectorFor } from './eldDatabase.ts';

const TEXTS = [
  'Follow up on every lead',
  'Qualify each lead and score it as a sales opportunity.',
  'Jeden Lead nachverfolgen',
  'Qualifizieren Sie jeden Lead und bewerten Sie ihn als Verkaufschance.',
  'Kwalificeer elke lead en beoordeel hem als verkoopkans.',
  'Zorg voor een opvolgingsproces voordat de eerste lead binnenkomt.',
  'تابع كل عميل محتمل وقيّمه كفرصة مبيعات.',
  'Die beiden Storefronts sprechen unterschiedliche Kunden an. The two storefronts serve different customers.',
  'Kunde angebot kampagne prozess vertrieb bewertung partner kontakt bericht markt wachstum zielgruppe.',
  'lead storefront customer listing campaign follow process pipeline score offer partner contact team report',
  'x',
  '',
];

describe('a detector on the database cut to two languages', () => {
  it.each([
    ['en', 'de'],
    ['en', 'nl'],
    ['en', 'ar'],
    ['de', 'en'],
  ])('answers %s against %s exactly as the whole database does', (source, target) => {
    const whole = eld.newInstance();
    whole.setLanguageSubset([source, target]);
    const cut = detectorFor(source, target)!;
    expect(cut).toBeDefined();
    for (const text of TEXTS) {
      const [a, b] = [cut.detect(text), whole.detect(text)];
      expect({ text, language: a.language, scores: a.getScores() }).toEqual({ text, language: b.language, scores: b.getScores() });
    }
  });

  it('compares against every language when ELD does not know the target, and gives up when it does not know the source', () => {
    const whole = eld.newInstance();
    whole.setLanguageSubset(false);
    const detector = detectorFor('en', 'qaa')!;
    for (const text of TEXTS) expect(detector.detect(text).getScores()).toEqual(whole.detect(text).getScores());
    expect(detectorFor('qaa', 'en')).toBeUndefined();
  });
});
