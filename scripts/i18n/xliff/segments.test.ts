import { describe, expect, it } from 'vitest';
import { counter, splitTerms } from './segments.ts';

const split = (value: string, terms: readonly string[]) => splitTerms(value, { terms, next: counter() });
const term = (id: string, native: string) => ({ kind: 'ph', id, ctype: 'x-term', native });

describe('splitTerms', () => {
  it('protects the longest term first, only where a word starts', () => {
    const terms = ['Dynamics 365 for Sales', 'Dynamics 365', 'CRM'];
    expect(split('Use Dynamics 365 for Sales, not Dynamics 365 or MyCRM; CRMs and CRM.', terms)).toEqual([
      'Use ',
      term('1', 'Dynamics 365 for Sales'),
      ', not ',
      term('2', 'Dynamics 365'),
      ' or MyCRM; ',
      term('3', 'CRM'),
      's and ',
      term('4', 'CRM'),
      '.',
    ]);
  });

  it('reads terms with characters that are syntax in a pattern as plain text', () => {
    expect(split('C++ and C+ and a.b and a-b (F&O) [x]', ['C++', 'a.b', 'a-b', '(F&O)', '[x]'])).toEqual([
      term('1', 'C++'),
      ' and C+ and ',
      term('2', 'a.b'),
      ' and ',
      term('3', 'a-b'),
      ' ',
      term('4', '(F&O)'),
      ' ',
      term('5', '[x]'),
    ]);
  });

  it('finds terms side by side and none in text without them; an empty list or term protects nothing', () => {
    expect(split('CRMCRM, CRM CRM', ['CRM'])).toEqual([term('1', 'CRM'), 'CRM, ', term('2', 'CRM'), ' ', term('3', 'CRM')]);
    expect(split('nothing here', ['CRM'])).toEqual(['nothing here']);
    expect(split('CRM', [])).toEqual(['CRM']);
    expect(split('CRM', [''])).toEqual(['CRM']);
    expect(split('', ['CRM'])).toEqual([]);
  });
});
