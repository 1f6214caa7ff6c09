/**
 * The Content-Security-Policy of each page, a second wall behind escaping:
 * should a value from content ever reach a page unescaped, the browser still
 * runs no script the site did not write. BaseHead writes it as the first
 * `<meta http-equiv>` after the charset, so it governs the whole page: a
 * `<meta>` policy applies only to what follows it.
 *
 * - scripts: the site's own files ('self': the reader module, which the build
 *   keeps as a file rather than inlining it, see astro.config.mjs; Pagefind),
 *   the inline scripts of inlineScripts.ts that the page carries (the theme
 *   script on every page, the chooser's on `/` only) by the SHA-256 of their exact text,
 *   and WebAssembly compilation for Pagefind's search ('wasm-unsafe-eval',
 *   which allows compiling WASM only, never JavaScript `eval`). Nothing else:
 *   no inline event handlers, no `javascript:` URLs, no injected `<script>`;
 * - `object-src 'none'` (no plugins) and `base-uri 'self'` (no `<base>` that
 *   sends relative script URLs elsewhere).
 *
 * Styles, images, fonts and fetches are not restricted (code blocks and
 * Pagefind's dialog use inline styles, and a style runs no code), so the
 * policy costs readers nothing visible. A host that can send headers should
 * send the same policy as a header too (a header also covers what a `<meta>`
 * cannot, such as `frame-ancestors`); see README, "Threat model".
 *
 * Why not Astro's own `security.csp`: it places its `<meta>` at the end of
 * `<head>`, after the title and description that come from content, and it
 * warns on every build that Shiki's inline styles break CSP (they do not here:
 * styles are not restricted).
 */
import { createHash } from 'node:crypto';
import { THEME_SCRIPT } from './inlineScripts.ts';

/** A CSP hash source for a script's exact text: `'sha256-<base64>'`. */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy of a page that carries the theme script and `inlineScripts` (texts from inlineScripts.ts): a page
 * allows only the inline scripts it runs, so no other page can be made to run one of them.
 */
export function contentSecurityPolicy(inlineScripts: readonly string[] = []): string {
  return [
    `script-src 'self' 'wasm-unsafe-eval' ${[THEME_SCRIPT, ...inlineScripts].map(scriptHashSource).join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}
