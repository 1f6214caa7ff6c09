import { describe, expect, it } from 'vitest';
import { unsafeUrl } from './urlPolicy.ts';

describe('unsafeUrl', () => {
  it.each([
    '/de/guides/x/', '../x/', '#setup', '?q=1', 'x/y.png', '//cdn.example.com/a.png', './a:b', 'https://learn.microsoft.com/', 'HTTP://example.com', 'mailto:x@example.com', 'tel:+49301234',
  ])('allows %s in a link and an image', (url) => {
    expect(unsafeUrl(url, 'link')).toBeUndefined();
    expect(unsafeUrl(url, 'image')).toBeUndefined();
  });

  it.each([
    ['javascript:alert(1)', /`javascript:` URL runs script/],
    ['JavaScript:alert(1)', /`javascript:`/],
    [' \u0001javascript:alert(1)', /`javascript:`/],
    ['java\tscr\nipt:alert(1)', /`javascript:`/],
    ['vbscript:msgbox(1)', /`vbscript:`/],
    ['data:text/html,<script>alert(1)</script>', /`data:` link/],
    ['data:image/png;base64,AAAA', /`data:` link/],
    ['ms-msdt:/id PCWDiagnostic', /not `ms-msdt:`/],
    ['file:///etc/passwd', /not `file:`/],
  ])('refuses %j in a link', (url, reason) => {
    expect(unsafeUrl(url, 'link')).toMatch(reason);
  });

  it('allows raster data: images in images only, never SVG or HTML', () => {
    expect(unsafeUrl('data:image/png;base64,AAAA', 'image')).toBeUndefined();
    expect(unsafeUrl('DATA:image/webp,AAAA', 'image')).toBeUndefined();
    expect(unsafeUrl('data:image/svg+xml,<svg onload=alert(1)>', 'image')).toMatch(/raster format/);
    expect(unsafeUrl('data:text/html,x', 'image')).toMatch(/raster format/);
    expect(unsafeUrl('javascript:alert(1)', 'image')).toMatch(/`javascript:`/);
  });
});
