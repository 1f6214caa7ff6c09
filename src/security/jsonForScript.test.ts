import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { jsonForScript } from './jsonForScript.ts';

const PAYLOADS = [
  '</script><script>alert(1)</script>',
  '</SCRIPT ><img src=x onerror=alert(1)>',
  '<!--<script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  'line\u2028separator\u2029paragraph',
  'AT&T {{x}} ]]>',
];

describe('jsonForScript', () => {
  it('escapes <, >, &, U+2028 and U+2029 and nothing else', () => {
    expect(jsonForScript({ name: '</script>&\u2028\u2029' })).toBe('{"name":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}');
    expect(jsonForScript({ name: 'Lead-Sharing für Ihr Angebot', n: 1 })).toBe(
      JSON.stringify({ name: 'Lead-Sharing für Ihr Angebot', n: 1 }),
    );
  });

  it('gives back the same value when parsed as JSON and as JavaScript', () => {
    for (const payload of PAYLOADS) {
      const value = { name: payload, list: [payload] };
      expect(JSON.parse(jsonForScript(value))).toEqual(value);
      expect(new Function(`return ${jsonForScript(value)};`)()).toEqual(value);
    }
  });

  it('cannot end or open an element: an HTML parser sees one script holding the whole JSON', () => {
    for (const payload of PAYLOADS) {
      const html = `<!doctype html><html><head><script type="application/ld+json">${jsonForScript({ name: payload })}</script></head><body><p>after</p></body></html>`;
      const tree = fromHtml(html);
      const scripts = selectAll('script', tree);
      expect(scripts, payload).toHaveLength(1);
      expect(selectAll('img, [onerror], [onmouseover]', tree), payload).toEqual([]);
      expect(JSON.parse(toString(scripts[0]!))).toEqual({ name: payload });
    }
  });

  it('refuses a value without a JSON form instead of writing "undefined"', () => {
    expect(() => jsonForScript(undefined)).toThrow(TypeError);
  });
});
