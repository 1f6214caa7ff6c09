/**
 * Which URLs a page may hold: the one rule, used by the content guard (which
 * stops the build) and by the link check's source pass (which reports the same
 * place), so the two never disagree.
 *
 * An allowlist, not a list of bad schemes: a link may be relative (`/de/x/`,
 * `../x/`, `#id`, `?q`) or use `http:`, `https:`, `mailto:` or `tel:`; an image
 * may also be a `data:image/…` URL of a raster format (png, jpeg, gif, webp,
 * avif), which a browser shows and never runs. Everything else is refused:
 * `javascript:` and `vbscript:` run code when followed, a `data:` link opens
 * a document of the writer's choosing (`data:text/html,<script>…`), and
 * schemes that start programs (`ms-msdt:`, `vscode:`, `file:`) have no place in
 * documentation. The scheme is read the way a browser reads it: leading
 * spaces and control characters are dropped, and tabs and newlines inside
 * (`java\tscript:`) are ignored, so spelling tricks do not get past.
 */

/** Schemes a link may use; an image may use these too. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;
/** `data:` images a page may embed: raster formats only. */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/;

export type UrlUse = 'link' | 'image';

/**
 * Why a URL may not appear in a page, or undefined when it may.
 * @param use `image` for an image's source (`![](…)`, `<img src>`), `link` for everything else.
 */
export function unsafeUrl(url: string, use: UrlUse): string | undefined {
  const scheme = schemeOf(url);
  if (scheme === undefined) return undefined;
  if ((LINK_SCHEMES as readonly string[]).includes(scheme)) return undefined;
  if (use === 'image' && DATA_IMAGE.test(browserForm(url).toLowerCase())) return undefined;
  if (scheme === 'javascript' || scheme === 'vbscript') return `a \`${scheme}:\` URL runs script when it is followed`;
  if (scheme === 'data') return use === 'image' ? 'an image may only be a `data:image/` URL of a raster format (png, jpeg, gif, webp, avif)' : 'a `data:` link opens a document written into the URL, which can run script';
  return `pages link only with ${LINK_SCHEMES.map((known) => `\`${known}:\``).join(', ')} or relative URLs, not \`${scheme}:\``;
}

/** The hint that goes with `unsafeUrl`. */
export function unsafeUrlHint(use: UrlUse): string {
  return use === 'image'
    ? 'Put the image in public/ and use its path (`/images/x.png`), or an https URL.'
    : 'Link to an https page or a page of the site; to show code, put it in `inline code` or a code block.';
}

/** The URL as a browser parses it: no leading or trailing spaces and C0 controls, no tabs or newlines anywhere. */
function browserForm(url: string): string {
  let start = 0;
  let end = url.length;
  while (start < end && url.charCodeAt(start) <= 0x20) start++;
  while (end > start && url.charCodeAt(end - 1) <= 0x20) end--;
  let result = '';
  for (const char of url.slice(start, end)) if (char !== '\t' && char !== '\n' && char !== '\r') result += char;
  return result;
}

/** The lowercase scheme of an absolute URL, or undefined for a relative one (`/x`, `x/y`, `#id`, `//host/x`). */
function schemeOf(url: string): string | undefined {
  const form = browserForm(url);
  const colon = form.indexOf(':');
  if (colon <= 0) return undefined;
  const scheme = form.slice(0, colon).toLowerCase();
  // A scheme is a letter followed by letters, digits, `+`, `-` or `.`; anything else before the colon makes the URL relative (`./a:b`).
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) return undefined;
  return scheme;
}
