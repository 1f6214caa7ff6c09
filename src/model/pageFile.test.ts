import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../content/mdx.ts';
import { splitFrontmatter } from './pageFile.ts';

describe('splitFrontmatter', () => {
  it('takes the lines between a first line `---` and the next line that is `---`, and the rest as the body', () => {
    const piece = fc.constantFrom('---', '\n', '-', 'a', '\r\n', ' ', '--', '\r', '\uFEFF');
    const text = fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (value) => {
        const normalized = normalizeText(value);
        const { yaml, body } = splitFrontmatter(value);
        if (yaml === undefined)
          return body === normalized && !(normalized.startsWith('---\n') && normalized.slice(3).split('\n').slice(1).includes('---'));
        // An empty block is no line or one empty line between the fences.
        const fences = yaml === '' ? ['---\n---', '---\n\n---'] : [`---\n${yaml}\n---`];
        const rebuilt = fences.some((fenced) => (normalized === fenced && body === '') || normalized === `${fenced}\n${body}`);
        return rebuilt && !yaml.split('\n').includes('---');
      }),
      { numRuns: 20_000 },
    );
    expect(splitFrontmatter('---\ntitle: A\n---\nBody\n---\n')).toEqual({ yaml: 'title: A', body: 'Body\n---\n' });
    expect(splitFrontmatter('---\n---x\n---')).toEqual({ yaml: '---x', body: '' });
  });
});
