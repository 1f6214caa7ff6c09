import { describe, expect, it } from 'vitest';
import { parsePage } from '../content/parsedPage.ts';
import { reviewRows } from './review.ts';

const EN = `---
title: Guide
description: A guide page for the fixture site.
order: 1
---

Intro text for the readers of this guide.

## First {/* #first */}

- One thing to do
- Two things to do

## Second {/* #second */}

Closing words for the second section of the guide.
`;

const DE = `---
title: Leitfaden
description: Eine Leitfadenseite für die Testwebsite.
order: 1
---

Einleitung für die Leserinnen und Leser dieses Leitfadens.

## Erster {/* #first */}

Ein Absatz, den es im Original nicht gibt.

- Eine Sache, die zu tun ist
- Keep this item in English for now

## Zweiter {/* #second */}

Schlussworte für den zweiten Abschnitt des Leitfadens.
`;

const rows = (changes = [{ id: 'second', kinds: ['text' as const] }]) => {
  const source = parsePage('content/en/guide.mdx', 'guide.mdx', 'en', EN);
  const translation = parsePage('content/de/guide.mdx', 'guide.mdx', 'de', DE);
  return reviewRows({ source: { text: EN, outline: source.outline! }, translation: { text: DE, outline: translation.outline! }, changes, glossary: { terms: [], sameInTranslation: {} }, locale: 'de', languages: { source: 'en', target: 'de' } });
};

describe('reviewRows', () => {
  it('lines blocks up as the checker does, with each side\'s text and line', () => {
    const result = rows();
    expect(result.map((row) => [row.source?.line ?? null, row.translation?.line ?? null])).toEqual([[7, 7], [9, 9], [null, 11], [11, 13], [14, 16], [16, 18]]);
    expect(result[1]).toMatchObject({ source: { text: '## First {/* #first */}' }, translation: { text: '## Erster {/* #first */}' }, findings: [] });
  });

  it('puts each block\'s findings beside it: mismatch, untranslated, changed', () => {
    const result = rows();
    expect(result[2]!.findings).toEqual([{ kind: 'mismatch', message: 'This paragraph is not in the source.' }]);
    expect(result[3]!.findings).toEqual([{ kind: 'untranslated', message: 'Still in the source language: “Keep this item in English for now”.' }]);
    expect(result[4]!.findings).toEqual([{ kind: 'changed', message: 'This section changed in the source since the translation (text).' }]);
    expect(result[5]!.findings).toEqual([{ kind: 'changed', message: 'In a section changed in the source since the translation.' }]);
    expect(rows([])[4]!.findings).toEqual([]);
  });

  it('calls a difference in a section the source changed since the stamp outdated, not a mismatch (the content model\'s blame)', () => {
    const result = rows([{ id: 'first', kinds: ['text'] }]);
    expect(result[2]!.findings).toEqual([
      { kind: 'changed', message: 'Outdated, not wrong (the source changed this section since the translation): This paragraph is not in the source.' },
    ]);
    // Untranslated text stays untranslated, wherever it is.
    expect(result[3]!.findings[0]).toMatchObject({ kind: 'untranslated' });
  });
});
