import { describe, expect, it } from 'vitest';
import type { Block } from '../content/outline.ts';
import type { Glossary } from './glossary.ts';
import { blockCoverage, ignoredWords, sourceLanguageParts, verdictsAdded } from './untranslated.ts';

const LANGUAGES = { source: 'en', target: 'de' };
const block = (text: string, kind: Block['kind'] = 'paragraph'): Block => ({
  line: 1,
  column: 1,
  endLine: 1,
  section: '_intro',
  kind,
  signature: kind,
  text,
  placeholders: [],
  depth: 0,
});
const glossary = (terms: string[]): Glossary => ({ terms: terms.map((term) => ({ term, approved: {} })), sameInTranslation: {} });

describe('language verdicts kept with the block', () => {
  it('identifies a block once for the model and the rule, and a cached verdict (JSON) is used as stored', () => {
    const paragraph = block('Verbinden Sie Ihr CRM mit dem Marktplatz. Send a test lead and check that it arrives.');
    const ignore = ignoredWords(glossary(['CRM']), 'de');
    const before = verdictsAdded();
    expect(sourceLanguageParts(paragraph, LANGUAGES, ignore)).toEqual({
      what: 'sentence',
      parts: ['Send a test lead and check that it arrives.'],
    });
    expect(blockCoverage([paragraph], [paragraph], glossary(['CRM']), 'de', LANGUAGES)).toMatchObject({ total: 1 });
    expect(sourceLanguageParts(paragraph, LANGUAGES, ignoredWords(glossary(['CRM']), 'de'))).toBeDefined();
    // Asked three times with the same question (the same words ignored, from equal glossaries): identified once.
    expect(verdictsAdded() - before).toBe(1);
    expect(paragraph.verdict).toMatchObject({ parts: 2, left: ['Send a test lead and check that it arrives.'] });

    // A parsed page read back from the parse cache: its verdict is the answer, no identification runs.
    const cached = JSON.parse(JSON.stringify(paragraph)) as Block;
    cached.verdict!.left = ['(as stored)'];
    const again = verdictsAdded();
    expect(sourceLanguageParts(cached, LANGUAGES, ignore)?.parts).toEqual(['(as stored)']);
    expect(verdictsAdded()).toBe(again);
  });

  it('asks again when the question changed: other words ignored, another translation language', () => {
    const heading = block('Follow up on every lead', 'heading');
    expect(sourceLanguageParts(heading, LANGUAGES, [])?.parts).toEqual(['Follow up on every lead']);
    const stored = heading.verdict!.question;
    // With most of its words ignored, too little is left to tell: not flagged.
    expect(sourceLanguageParts(heading, LANGUAGES, ['Follow up on every'])).toBeUndefined();
    expect(heading.verdict!.question).not.toBe(stored);
    expect(sourceLanguageParts(heading, { source: 'en', target: 'nl' }, [])?.parts).toEqual(['Follow up on every lead']);
    expect(heading.verdict!.question).toContain('|nl|');
  });
});
