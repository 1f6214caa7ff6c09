import { describe, expect, it } from 'vitest';
import { stampTranslation } from './stamp.ts';

const HASH = 'sha256:0123456789abcdef';

describe('stampTranslation', () => {
  it('replaces only the hash, keeping comments, folding and the body', () => {
    const text = '---\ntitle: Titel # kept\ndescription: >-\n  folded\n  text\norder: 1\ntranslation:\n  source: sha256:aaaaaaaaaaaaaaaa\n  method: machine\n---\n\nBody {/* x */}\n';
    const result = stampTranslation(text, HASH, undefined);
    expect(result).toEqual({ text: text.replace('sha256:aaaaaaaaaaaaaaaa', HASH) });
  });

  it('adds a translation record when there is none, and is idempotent', () => {
    const first = stampTranslation('---\ntitle: T\norder: 1\n---\nBody\n', HASH, undefined);
    expect(first).toEqual({ text: `---\ntitle: T\norder: 1\ntranslation:\n  source: ${HASH}\n  method: human\n---\nBody\n` });
    expect(stampTranslation((first as { text: string }).text, HASH, undefined)).toEqual({ text: null });
  });

  it('sets the method when asked and keeps CRLF line endings', () => {
    const result = stampTranslation('---\r\norder: 1\r\ntranslation:\r\n  source: sha256:aaaaaaaaaaaaaaaa\r\n  method: machine\r\n---\r\nBody\r\n', HASH, 'human');
    expect(result).toEqual({ text: `---\r\norder: 1\r\ntranslation:\r\n  source: ${HASH}\r\n  method: human\r\n---\r\nBody\r\n` });
  });

  it('refuses files without valid frontmatter instead of guessing', () => {
    expect(stampTranslation('Body only\n', HASH, undefined)).toMatchObject({ error: expect.stringMatching(/no frontmatter/) });
    expect(stampTranslation('---\ntitle: [x\n---\n', HASH, undefined)).toMatchObject({ error: expect.stringMatching(/not valid YAML/) });
  });
});
