import { describe, expect, it } from 'vitest';
import { stampTranslation } from './stamp.ts';

const HASH = 'sha256:0123456789abcdef';
const SECTIONS = { _meta: 'aaaaaa.-.-.-', intro: 'bbbbbb.cccccc.-.-', 'follow-up': 'dddddd.-.eeeeee.-' };

describe('stampTranslation', () => {
  it('replaces only the hash, keeping comments, folding and the body', () => {
    const text =
      '---\ntitle: Titel # kept\ndescription: >-\n  folded\n  text\norder: 1\ntranslation:\n  source: sha256:aaaaaaaaaaaaaaaa\n  method: machine\n---\n\nBody {/* x */}\n';
    expect(stampTranslation(text, { source: HASH })).toEqual({ text: text.replace('sha256:aaaaaaaaaaaaaaaa', HASH) });
  });

  it('adds a translation record when there is none, and is idempotent', () => {
    const first = stampTranslation('---\ntitle: T\norder: 1\n---\nBody\n', { source: HASH, sections: SECTIONS });
    expect(first).toEqual({
      text: `---\ntitle: T\norder: 1\ntranslation:\n  source: ${HASH}\n  method: human\n  sections:\n    _meta: aaaaaa.-.-.-\n    intro: bbbbbb.cccccc.-.-\n    follow-up: dddddd.-.eeeeee.-\n---\nBody\n`,
    });
    expect(stampTranslation((first as { text: string }).text, { source: HASH, sections: SECTIONS })).toEqual({ text: null });
  });

  it('replaces recorded sections in place, keeping the keys after them', () => {
    const text =
      '---\ntitle: T\ntranslation:\n  source: sha256:aaaaaaaaaaaaaaaa # from the old page\n  sections:\n    old: 111111.-.-.-\n  method: human\nupdated: 2026-01-01\n---\nBody\n';
    expect(stampTranslation(text, { source: HASH, sections: { intro: 'bbbbbb.-.-.-' } })).toEqual({
      text: `---\ntitle: T\ntranslation:\n  source: ${HASH} # from the old page\n  sections:\n    intro: bbbbbb.-.-.-\n  method: human\nupdated: 2026-01-01\n---\nBody\n`,
    });
  });

  it('records a machine translation as not reviewed, and --reviewed as reviewed', () => {
    const text = '---\ntitle: T\ntranslation:\n  source: sha256:aaaaaaaaaaaaaaaa\n  method: human\n---\nBody\n';
    const machine = stampTranslation(text, { source: HASH, method: 'machine' }) as { text: string };
    expect(machine.text).toBe(`---\ntitle: T\ntranslation:\n  source: ${HASH}\n  method: machine\n  reviewed: false\n---\nBody\n`);
    expect(stampTranslation(machine.text, { source: HASH, reviewed: true })).toEqual({
      text: machine.text.replace('reviewed: false', 'reviewed: true'),
    });
  });

  it('records machine-translated sections of a human page, and a review clears them', () => {
    const text = '---\ntitle: T\ntranslation:\n  source: sha256:aaaaaaaaaaaaaaaa\n  method: human\n---\nBody\n';
    const first = stampTranslation(text, { source: HASH, machineSections: ['follow-up'] }) as { text: string };
    expect(first.text).toBe(`---\ntitle: T\ntranslation:\n  source: ${HASH}\n  method: human\n  machineSections: [follow-up]\n---\nBody\n`);
    const second = stampTranslation(first.text, { source: HASH, machineSections: ['_intro', 'follow-up'] }) as { text: string };
    expect(second.text).toContain('  machineSections: [follow-up, _intro]\n');
    expect(stampTranslation(second.text, { source: HASH, reviewed: true })).toEqual({
      text: `---\ntitle: T\ntranslation:\n  source: ${HASH}\n  method: human\n  reviewed: true\n---\nBody\n`,
    });
  });

  it('keeps a byte order mark and CRLF line endings byte for byte, new lines included', () => {
    const text =
      '\uFEFF---\r\norder: 1\r\ntranslation:\r\n  source: sha256:aaaaaaaaaaaaaaaa\r\n  method: machine\r\n---\r\nBody\r\n\r\nMore\n';
    const result = stampTranslation(text, { source: HASH, method: 'human', sections: { intro: 'bbbbbb.-.-.-' } });
    expect(result).toEqual({
      text: `\uFEFF---\r\norder: 1\r\ntranslation:\r\n  source: ${HASH}\r\n  method: human\r\n  sections:\r\n    intro: bbbbbb.-.-.-\r\n---\r\nBody\r\n\r\nMore\n`,
    });
  });

  it('refuses files without valid frontmatter instead of guessing', () => {
    expect(stampTranslation('Body only\n', { source: HASH })).toMatchObject({ error: expect.stringMatching(/no frontmatter/) });
    expect(stampTranslation('---\ntitle: [x\n---\n', { source: HASH })).toMatchObject({ error: expect.stringMatching(/not valid YAML/) });
    expect(stampTranslation('---\ntitle: x\ntranslation: sha\n---\n', { source: HASH })).toMatchObject({
      error: expect.stringMatching(/must be a block/),
    });
  });
});
