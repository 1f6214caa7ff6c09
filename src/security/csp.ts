/**
 * The Content-Security-Policy every page carries in a `<meta http-equiv>`
 * (BaseHead), a second wall behind escaping: should a value from content ever
 * reach a page unescaped, the browser still runs no script the site did not
 * write. Scripts: the site's own files ('self': the reader module, Pagefind),
 * the inline scripts of inlineScripts.ts by their SHA-256, and WebAssembly
 * compilation for Pagefind's search ('wasm-unsafe-eval', which allows
 * compiling WASM only, not JavaScript `eval`). No inline event handlers, no
 * `javascript:` URLs, no plugins (`object-src 'none'`), and no `<base>` that
 * could point relative script URLs elsewhere (`base-uri 'self'`).
 *
 * Styles, images and fetches are left open: the policy costs readers nothing
 * visible. A host that can send headers should send the same policy as a
 * `Content-Security-Policy` header too (a header also covers what a `<meta>`
 * cannot, such as `frame-ancestors`); see README "Threat model".
 */
import { createHash } from 'node:crypto';
import { INLINE_SCRIPTS } from './inlineScripts.ts';

/** A CSP hash source for a script's exact text: `'sha256-<base64>'`. */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export const CONTENT_SECURITY_POLICY = [
  `script-src 'self' 'wasm-unsafe-eval' ${INLINE_SCRIPTS.map(scriptHashSource).join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');
