import { describe, expect, it } from 'vitest';
import { localeListUrl, pagerNumbers, reviewUrl, splitRows } from './dashboard.ts';

describe('translation dashboard pages', () => {
  it('lists a locale 100 rows to a page, the first at the locale’s own address', () => {
    const rows = Array.from({ length: 250 }, (_, index) => index);
    expect(splitRows(rows).map((page) => [page[0], page.length])).toEqual([
      [0, 100],
      [100, 100],
      [200, 50],
    ]);
    expect(splitRows([])).toEqual([[]]);
    expect(localeListUrl('pt-br')).toBe('/translations/locales/pt-br/');
    expect(localeListUrl('pt-br', 3)).toBe('/translations/locales/pt-br/3/');
    expect(reviewUrl('de', '')).toBe('/translations/de/');
    expect(reviewUrl('de', 'a/b')).toBe('/translations/de/a/b/');
  });

  it('links at most nine pages around the current one', () => {
    expect(pagerNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pagerNumbers(1, 50)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pagerNumbers(25, 50)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(pagerNumbers(50, 50)).toEqual([42, 43, 44, 45, 46, 47, 48, 49, 50]);
  });
});
