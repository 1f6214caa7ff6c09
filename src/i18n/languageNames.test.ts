import { describe, expect, it } from 'vitest';
import { languageName } from './languageNames.ts';

describe('languageName', () => {
  it("names a language in the reader's language, as written mid-sentence", () => {
    expect(languageName('en', 'de')).toBe('Englisch');
    expect(languageName('en', 'fr')).toBe('anglais');
    expect(languageName('en', 'nl')).toBe('Engels');
    expect(languageName('fr', 'fr')).toBe('français');
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('pt-BR', 'de')).toBe('Portugiesisch (Brasilien)');
  });

  it('falls back to the given name for a tag Intl cannot name', () => {
    expect(languageName('qaa', 'de', 'Testisch')).toBe('Testisch');
  });
});
