/**
 * The site's only executable inline scripts, as the exact text each page
 * carries. They live here, not in the templates, so the Content-Security-Policy
 * (csp.ts: each page's allows the ones it carries) hashes the very characters
 * the browser runs: a template's whitespace or a compiler's rewriting can
 * never make a hash go stale. Neither script
 * holds data from content; what one needs comes from its element's `data-`
 * attributes, which Astro escapes like any other attribute.
 */

/**
 * Applies the reader's remembered theme (ThemeSwitch) before the first paint; without one, the system's. Written
 * minified by hand, as every page carries it inline: `t` is the stored theme (`==` suffices, as `getItem` gives a
 * string or null), and `catch` ignores storage that is blocked.
 */
export const THEME_SCRIPT =
  "try{var t=localStorage.getItem('theme');if(t=='light'||t=='dark')document.documentElement.dataset.theme=t}catch(e){}";

/**
 * The language chooser at `/` sends a visitor arriving from outside the site to
 * their browser's language, from the locale codes in its `data-locales`
 * attribute (space-separated; codes are lowercase BCP 47 tags, validated by the
 * locale registry). Someone who navigated here from the site stays.
 */
export const CHOOSER_SCRIPT = [
  'if (!document.referrer || new URL(document.referrer).origin !== location.origin) {',
  "  var codes = (document.currentScript && document.currentScript.dataset.locales || '').split(' ');",
  '  var wanted = (navigator.languages || [navigator.language]).map(function (tag) { return String(tag).toLowerCase(); });',
  '  for (var i = 0; i < wanted.length; i++) {',
  "    var match = codes.find(function (code) { return code && (wanted[i] === code || wanted[i].split('-')[0] === code); });",
  "    if (match) { location.replace('/' + encodeURIComponent(match) + '/'); break; }",
  '  }',
  '}',
].join('\n');
