import { describe, expect, it } from 'vitest';
import { alignBlocks, type AlignableBlock } from './align.ts';

const p = (text: string, placeholders: string[] = [], depth = 0): AlignableBlock => ({
  depth,
  signature: 'paragraph',
  kind: 'paragraph',
  text,
  placeholders,
});
const h = (text: string): AlignableBlock => ({ depth: 0, signature: 'heading:2', kind: 'heading', text, placeholders: [] });
const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ');

describe('alignBlocks', () => {
  it('pairs identical structures one to one, with no groups', () => {
    expect(alignBlocks([h('A'), p('x')], [h('B'), p('y')])).toEqual({
      pairs: [
        [0, 0],
        [1, 1],
      ],
      missing: [],
      extra: [],
      groups: [],
    });
  });

  it('two paragraphs written as one: a merge, told from a dropped paragraph by length', () => {
    const source = [p(words(10)), p(words(12)), p(words(8)), h(words(2)), p(words(9))];
    const merged = [p(words(10)), p(words(20)), h(words(2)), p(words(9))];
    expect(alignBlocks(source, merged)).toMatchObject({ groups: [{ source: [1, 2], translation: [1] }], missing: [], extra: [] });
    const dropped = [p(words(10)), p(words(12)), h(words(2)), p(words(9))];
    expect(alignBlocks(source, dropped)).toMatchObject({ groups: [], missing: [2], extra: [] });
  });

  it("placeholders decide where lengths cannot: the merged block carries the other block's number", () => {
    const source = [p(words(10), ['42']), p(words(10), ['7']), p(words(10))];
    expect(alignBlocks(source, [p(words(10), ['42', '7']), p(words(10))])).toMatchObject({
      groups: [{ source: [0, 1], translation: [0] }],
    });
  });

  it('a paragraph split in three, and a heading run into its paragraph', () => {
    expect(alignBlocks([p(words(30)), p(words(5))], [p(words(10)), p(words(10)), p(words(10)), p(words(5))])).toMatchObject({
      groups: [{ source: [0], translation: [0, 1, 2] }],
    });
    expect(alignBlocks([p(words(8)), h(words(3)), p(words(12))], [p(words(8)), p(words(15))])).toMatchObject({
      groups: [{ source: [1, 2], translation: [1] }],
      missing: [],
    });
  });

  it('never merges across nesting or into another kind of block', () => {
    const list: AlignableBlock = { depth: 0, signature: 'list:bullet', kind: 'list', text: words(20), placeholders: [] };
    expect(alignBlocks([p(words(10)), p(words(10), [], 1)], [p(words(20))]).groups).toEqual([]);
    expect(alignBlocks([p(words(10)), p(words(10))], [list]).groups).toEqual([]);
  });

  it("past 500 x 500 blocks keeps the plain alignment: the merged block's partner is still reported missing, nothing is lost", () => {
    const source = Array.from({ length: 600 }, (_, index) => p(words(5 + (index % 7))));
    const translation = [...source.slice(0, 10), p(words(30)), ...source.slice(12)];
    expect(alignBlocks(source, translation)).toMatchObject({ groups: [], missing: [expect.any(Number)], extra: [] });
    expect(alignBlocks(source.slice(0, 100), translation.slice(0, 99)).groups).toEqual([{ source: [10, 11], translation: [10] }]);
  });
});
