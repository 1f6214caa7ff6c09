import { describe, expect, it } from 'vitest';
import { parseJson } from './json.ts';

describe('parseJson', () => {
  it('points at the key of a value', () => {
    const result = parseJson('ui.json', '{\n  "nav": {\n    "label": "Guides"\n  }\n}');
    expect(result.ok && result.doc.positionOf(['nav', 'label'])).toEqual({ line: 3, column: 5 });
    expect(result.ok && result.doc.positionOf(['nav', 'missing'])).toBeUndefined();
  });

  it('reports every syntax error with line and column', () => {
    const result = parseJson('de/ui.json', '{\n  "a": "x",\n  "b": "y",\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ file: 'de/ui.json', line: 4, column: 1, message: expect.stringMatching(/^Invalid JSON/) });
  });

  it('accepts a BOM and rejects an empty file with a clear message', () => {
    expect(parseJson('a.json', '\uFEFF{"a": 1}').ok).toBe(true);
    expect(parseJson('a.json', '').ok).toBe(false);
    const empty = parseJson('a.json', '\n');
    expect(!empty.ok && empty.problems[0]?.message).toBe('The file is empty.');
  });
});

describe('nearestPositionOf', () => {
  it('points at the nearest existing ancestor of a missing key', () => {
    const result = parseJson('ui.json', '{\n  "nav": {\n    "label": "Guides"\n  }\n}');
    expect(result.ok && result.doc.nearestPositionOf(['nav', 'missing'])).toEqual({ line: 2, column: 3 });
    expect(result.ok && result.doc.nearestPositionOf(['nothing', 'at', 'all'])).toEqual({ line: 1, column: 1 });
  });
});
