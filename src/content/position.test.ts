import { describe, expect, it } from 'vitest';
import { lineStarts, positionAt } from './position.ts';

describe('positionAt', () => {
  it('counts lines as editors do: \\n, \\r\\n and a lone \\r each end one', () => {
    const text = 'a\nbb\r\nccc\rdddd';
    const starts = lineStarts(text);
    expect(positionAt(starts, text.indexOf('bb'))).toEqual({ line: 2, column: 1 });
    expect(positionAt(starts, text.indexOf('ccc') + 2)).toEqual({ line: 3, column: 3 });
    expect(positionAt(starts, text.indexOf('dddd') + 3)).toEqual({ line: 4, column: 4 });
    expect(lineStarts('x\ny')).toEqual([0, 2]);
  });
});
