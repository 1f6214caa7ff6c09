import { describe, expect, it } from 'vitest';
import { editUrl } from './editUrl.ts';

const BASE = 'https://github.com/contoso/publisher-docs/edit/main/';

describe('editUrl', () => {
  it('puts the file under the base, with or without its trailing slash; none without a base or a file', () => {
    expect(editUrl('content/de/index.mdx', BASE)).toBe(`${BASE}content/de/index.mdx`);
    expect(editUrl('content/de/index.mdx', BASE.slice(0, -1))).toBe(`${BASE}content/de/index.mdx`);
    expect(editUrl('content/de/index.mdx', '')).toBeUndefined();
    expect(editUrl(undefined, BASE)).toBeUndefined();
  });

  it('keeps a file name from content inside the path: #, ?, %, quotes and a scheme-like name are encoded', () => {
    const url = new URL(editUrl('content/de/a#b?c%d "x".mdx', BASE)!);
    expect(url.origin).toBe('https://github.com');
    expect(url.hash).toBe('');
    expect(url.search).toBe('');
    expect(decodeURIComponent(url.pathname)).toBe('/contoso/publisher-docs/edit/main/content/de/a#b?c%d "x".mdx');
    expect(editUrl('javascript:alert(1).mdx', BASE)).toBe(`${BASE}javascript%3Aalert(1).mdx`);
  });
});
