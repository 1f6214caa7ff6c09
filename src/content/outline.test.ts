import { describe, expect, it } from 'vitest';
import { numbersAndUrls } from './outline.ts';

describe('numbersAndUrls: the numbers a translation must keep', () => {
  it('takes the digits of a name as part of the name, not a number (B2B, M365, x64)', () => {
    expect(numbersAndUrls('Les prospects B2B arrivent dans M365 sur x64.')).toEqual([]);
    expect(numbersAndUrls('B2B leads')).toEqual([]);
  });

  it('keeps a number that follows a word: Dynamics 365, Windows 11, SHA-256', () => {
    expect(numbersAndUrls('Connect Dynamics 365 on Windows 11 with SHA-256.')).toEqual(['365', '11', '256']);
    expect(numbersAndUrls('Connectez Dynamics 365 sous Windows 11 avec SHA-256.')).toEqual(['365', '11', '256']);
  });

  it('reads every locale’s number format as the same number', () => {
    const en = numbersAndUrls('Up to 1,000 leads, 2.5 MB, 12,345,678 rows.');
    expect(en).toEqual(['1000', '25', '12345678']);
    expect(numbersAndUrls('Bis zu 1.000 Leads, 2,5 MB, 12.345.678 Zeilen.')).toEqual(en);
    expect(numbersAndUrls('Jusqu’à 1\u202f000 prospects, 2,5 Mo, 12\u00a0345\u00a0678 lignes.')).toEqual(en);
    expect(numbersAndUrls('Jusqu’à 1 000 prospects, 2,5 Mo, 12 345 678 lignes.')).toEqual(en);
    expect(numbersAndUrls("Bis zu 1'000 Leads, 2.5 MB, 12'345'678 Zeilen.")).toEqual(en);
  });

  it('keeps a number written with a suffix (1st, 1er) and a bare URL', () => {
    expect(numbersAndUrls('The 1st step: see https://example.com/a1, then 42 items.')).toEqual(['https://example.com/a1', '1', '42']);
    expect(numbersAndUrls('La 1re étape : voir https://example.com/a1, puis 42 éléments.')).toEqual(['https://example.com/a1', '1', '42']);
  });

  it('still tells a changed number', () => {
    expect(numbersAndUrls('43 Dinge')).not.toEqual(numbersAndUrls('42 items'));
  });
});
