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
  return reviewRows({
    source: { text: EN, outline: source.outline! },
    translation: { text: DE, outline: translation.outline! },
    changes,
    glossary: { terms: [], sameInTranslation: {} },
    locale: 'de',
    languages: { source: 'en', target: 'de' },
  });
};

describe('reviewRows', () => {
  it("lines blocks up as the checker does, with each side's text and line", () => {
    const result = rows();
    expect(result.map((row) => [row.source?.line ?? null, row.translation?.line ?? null])).toEqual([
      [7, 7],
      [9, 9],
      [null, 11],
      [11, 13],
      [14, 16],
      [16, 18],
    ]);
    expect(result[1]).toMatchObject({
      source: { text: '## First {/* #first */}' },
      translation: { text: '## Erster {/* #first */}' },
      findings: [],
    });
  });

  it("puts each block's findings beside it: mismatch, untranslated, changed", () => {
    const result = rows();
    expect(result[2]!.findings).toEqual([{ kind: 'mismatch', message: 'This paragraph is not in the source.' }]);
    expect(result[3]!.findings).toEqual([
      { kind: 'untranslated', message: 'Still in the source language: “Keep this item in English for now”.' },
    ]);
    expect(result[4]!.findings).toEqual([{ kind: 'changed', message: 'This section changed in the source since the translation (text).' }]);
    expect(result[5]!.findings).toEqual([{ kind: 'changed', message: 'In a section changed in the source since the translation.' }]);
    expect(rows([])[4]!.findings).toEqual([]);
  });

  it('shows merged blocks side by side, the merge noted once, and lines up what follows', () => {
    const en = `${EN.split('---\n')[0]}---\n${EN.split('---\n')[1]}---\n\nLeads are contacts who showed interest in your offer.\n\nEach lead carries a name and an email address.\n\n## Next {/* #next */}\n\nSend a test lead to check the connection.\n`;
    const de = `${DE.split('---\n')[0]}---\n${DE.split('---\n')[1]}---\n\nLeads sind Kontakte, die sich für Ihr Angebot interessiert haben. Jeder Lead enthält einen Namen und eine E-Mail-Adresse.\n\n## Weiter {/* #next */}\n\nSenden Sie einen Testlead, um die Verbindung zu prüfen.\n`;
    const result = reviewRows({
      source: { text: en, outline: parsePage('content/en/g.mdx', 'g.mdx', 'en', en).outline! },
      translation: { text: de, outline: parsePage('content/de/g.mdx', 'g.mdx', 'de', de).outline! },
      changes: [],
      glossary: { terms: [], sameInTranslation: {} },
      locale: 'de',
      languages: { source: 'en', target: 'de' },
    });
    expect(
      result.map((row) => [row.source?.line ?? null, row.translation?.line ?? null, row.findings.map((finding) => finding.message)]),
    ).toEqual([
      [7, 7, ['These 2 source blocks are written as one paragraph in the translation.']],
      [9, null, []],
      [11, 9, []],
      [13, 11, []],
    ]);
  });

  it("calls a difference in a section the source changed since the stamp outdated, not a mismatch (the content model's blame)", () => {
    const result = rows([{ id: 'first', kinds: ['text'] }]);
    expect(result[2]!.findings).toEqual([
      {
        kind: 'changed',
        message: 'Outdated, not wrong (the source changed this section since the translation): This paragraph is not in the source.',
      },
    ]);
    // Untranslated text stays untranslated, wherever it is.
    expect(result[3]!.findings[0]).toMatchObject({ kind: 'untranslated' });
  });
});
