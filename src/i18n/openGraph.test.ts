import { describe, expect, it } from 'vitest';
import { openGraphLocale } from './openGraph.ts';

describe('openGraphLocale', () => {
  it('writes ll_CC, adding the likely region to a bare language and keeping an explicit one', () => {
    expect(openGraphLocale('en')).toBe('en_US');
    expect(openGraphLocale('de')).toBe('de_DE');
    expect(openGraphLocale('nl')).toBe('nl_NL');
    expect(openGraphLocale('de-AT')).toBe('de_AT');
    expect(openGraphLocale('pt-br')).toBe('pt_BR');
  });
});
