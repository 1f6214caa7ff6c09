import { describe, expect, it } from 'vitest';
import { parseJson } from '../content/json.ts';
import { isIndexed, loadRegistry, parseRegistry, type LocaleRegistry } from './locales.ts';
import { ROOT } from '../../tests/helpers/project.ts';

const de = { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete' };
const en = { code: 'en', name: 'English', dir: 'ltr', status: 'complete' };

function ok(value: unknown): LocaleRegistry {
  const result = parseRegistry(value);
  if (Array.isArray(result)) throw new Error(result.map((p) => p.message).join('\n'));
  return result;
}

describe('locale registry', () => {
  it('puts the source locale first and defaults hreflang to the code', () => {
    const registry = ok({ source: 'en', locales: [de, en] });
    expect(registry.codes).toEqual(['en', 'de']);
    expect(registry.source.code).toBe('en');
    expect(registry.get('de')?.hreflang).toBe('de');
    expect(registry.translations.map((l) => l.code)).toEqual(['de']);
  });

  it('keeps an explicit hreflang', () => {
    expect(ok({ source: 'en', locales: [en, { ...de, hreflang: 'de-DE' }] }).get('de')?.hreflang).toBe('de-DE');
  });

  it('rejects a source that is not listed, with the place of "source"', () => {
    const json = parseJson(
      'content/locales.json',
      '{\n  "source": "fr",\n  "locales": [{"code": "en", "name": "English", "dir": "ltr", "status": "complete"}]\n}',
    );
    if (!json.ok) throw new Error('fixture must parse');
    const problems = parseRegistry(json.doc.value, json.doc.positionOf);
    expect(Array.isArray(problems)).toBe(true);
    expect(problems).toMatchObject([
      { file: 'content/locales.json', line: 2, column: 3, message: expect.stringContaining('"fr" is not in "locales"') },
    ]);
  });

  it('reports every bad field at once: direction, code and status', () => {
    const problems = parseRegistry({ source: 'en', locales: [en, { ...de, dir: 'down' }, { ...de, code: 'DE_de', status: 'done' }] });
    expect(Array.isArray(problems) && problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/locales\.1\.dir/),
      expect.stringMatching(/locales\.2\.code: use a lowercase BCP 47 tag/),
      expect.stringMatching(/locales\.2\.status/),
    ]);
  });

  it('rejects an hreflang that is not a language tag: it lands in attributes, the sitemap and Intl', () => {
    for (const hreflang of ['"><img src=x onerror=alert(1)>', 'de DE', 'de_DE', 'javascript:alert(1)', 'de-', 'x']) {
      const problems = parseRegistry({ source: 'en', locales: [en, { ...de, hreflang }] });
      expect(Array.isArray(problems) && problems.map((p) => p.message), hreflang).toEqual([
        expect.stringMatching(/locales\.1\.hreflang: use a BCP 47 tag/),
      ]);
    }
    expect(ok({ source: 'en', locales: [en, { ...de, hreflang: 'zh-Hant-TW' }] }).get('de')?.hreflang).toBe('zh-Hant-TW');
  });

  it('rejects a locale listed twice', () => {
    const problems = parseRegistry({ source: 'en', locales: [en, de, de] });
    expect(Array.isArray(problems) && problems[0]?.message).toMatch(/"de" is listed twice/);
  });

  it('rejects unknown keys so typos do not pass silently', () => {
    const problems = parseRegistry({ source: 'en', locales: [{ ...en, direction: 'rtl' }] });
    expect(Array.isArray(problems) && problems[0]?.message).toMatch(/direction/);
  });

  it('reads the real registry: English source, German complete', () => {
    const registry = loadRegistry(ROOT);
    expect(registry.source.code).toBe('en');
    expect(registry.get('de')).toMatchObject({ name: 'Deutsch', dir: 'ltr', status: 'complete' });
  });
});

describe('pseudo-locales in the registry', () => {
  const pseudo = { code: 'qps-ploc', name: '[Ƥšéûðö]', dir: 'ltr', status: 'partial', pseudo: true };
  it('reads the pseudo flag: a pseudo-locale is not indexed, every other locale is', () => {
    const registry = ok({ source: 'en', locales: [en, de, pseudo] });
    expect(isIndexed(registry.get('qps-ploc'))).toBe(false);
    expect(isIndexed(registry.get('de'))).toBe(true);
  });
  it('refuses a flag that is not a boolean, and a pseudo source locale', () => {
    expect(Array.isArray(parseRegistry({ source: 'en', locales: [en, { ...pseudo, pseudo: 'yes' }] }))).toBe(true);
    const problems = parseRegistry({ source: 'qps-ploc', locales: [en, pseudo] });
    expect(Array.isArray(problems) && problems.map((problem) => problem.message).join()).toContain('cannot be a pseudo-locale');
  });
  it('keeps pseudo-locales out of the committed registry: they are generated on demand (npm run i18n:pseudo)', () => {
    expect(
      loadRegistry(ROOT)
        .locales.filter((locale) => locale.pseudo)
        .map((locale) => locale.code),
    ).toEqual([]);
  });
});
