/**
 * Pseudo-localization of one string, after Microsoft's `qps-ploc`: every
 * Latin letter becomes an accented look-alike (so text that was never
 * translated stands out as plain ASCII), the string grows by about a third
 * (German and Finnish run that much longer than English), and brackets mark
 * its two ends (so text cut off by a layout, or glued together from pieces,
 * shows). What must not change stays as it is: numbers, i18next
 * placeholders (`{{name}}`, `$t(key)`, `<0>`), Pagefind's `[SEARCH_TERM]`,
 * URLs, e-mail addresses and the glossary's do-not-translate terms.
 *
 * Pure string functions: `npm run i18n:pseudo` (scripts/i18n/pseudo.ts) applies
 * them to the MDX tree's text and to the JSON namespaces; the site applies
 * `accent` to what Intl cannot name in a pseudo-locale (language names).
 */

/** The pseudo-locales `npm run i18n:pseudo` makes: accented, and the same mirrored right to left. */
export const PSEUDO_LOCALES = [
  { code: 'qps-ploc', dir: 'ltr', name: 'Pseudo' },
  { code: 'qps-plocm', dir: 'rtl', name: 'Pseudo mirrored' },
] as const;

export const OPEN = '[';
export const CLOSE = ']';

/** Growth of a string, as a share of its length; the brackets count towards it. */
export const EXPANSION = 0.35;

const LOWER = 'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž';
const UPPER = 'ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const ACCENTED = new Map<string, string>();
for (let i = 0; i < 26; i++) {
  ACCENTED.set(String.fromCharCode(97 + i), LOWER[i]!);
  ACCENTED.set(String.fromCharCode(65 + i), UPPER[i]!);
}

/**
 * Spans of a plain string (never Markdown: pages are split by their syntax tree
 * first) that stay as written: i18next interpolation, nesting and Trans tags,
 * Pagefind's placeholders, URLs and e-mail addresses.
 */
const PROTECTED =
  /\{\{[^{}]*\}\}|\$t\([^()]*\)|<\/?\d+\s*\/?>|\[[A-Z_]+\]|\b(?:https?:\/\/|mailto:|www\.)[^\s<>"')\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The string cut into pieces to accent and pieces to keep (`keep: true`): protected spans and `terms`. */
function pieces(text: string, terms: readonly string[]): { text: string; keep: boolean }[] {
  const kept: [number, number][] = [];
  for (const match of text.matchAll(PROTECTED)) kept.push([match.index, match.index + match[0].length]);
  for (const term of terms) {
    if (!term) continue;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
      // Whole words only: "CRM" in "CRMs" is still the term, "App" in "Apps" is not a term "App".
      const before = text[at - 1];
      const after = text[at + term.length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /\p{L}/u.test(after) && after !== 's')) continue;
      kept.push([at, at + term.length]);
    }
  }
  kept.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: { text: string; keep: boolean }[] = [];
  let at = 0;
  for (const [from, to] of kept) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    if (start > at) out.push({ text: text.slice(at, start), keep: false });
    out.push({ text: text.slice(start, to), keep: true });
    at = to;
  }
  if (at < text.length) out.push({ text: text.slice(at), keep: false });
  return out;
}

/** Accents every Latin letter outside protected spans and `terms`; the length stays the same. */
export function accent(text: string, terms: readonly string[] = []): string {
  return pieces(text, terms)
    .map((piece) => (piece.keep ? piece.text : [...piece.text].map((char) => ACCENTED.get(char) ?? char).join('')))
    .join('');
}

/**
 * Filler that makes a string of `length` visible characters about 35% longer
 * with its two brackets: groups of `!!!` between spaces, so it wraps like words.
 * Short strings grow more (the brackets alone), as short labels do in real translations.
 */
export function padding(length: number, max = Infinity): string {
  const wanted = Math.min(Math.max(0, Math.round(length * EXPANSION) - OPEN.length - CLOSE.length), max);
  let pad = '';
  while (pad.length < wanted) pad += pad.length % 4 === 0 ? ' ' : '!';
  return pad.endsWith(' ') ? `${pad.slice(0, -1)}!` : pad;
}

/** One whole string, pseudo-localized: `[` + accented text + padding + `]`. Whitespace at either end stays outside the brackets. */
export function pseudoString(text: string, options: { terms?: readonly string[]; maxLength?: number } = {}): string {
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text.slice(lead.length))![0];
  const core = text.slice(lead.length, text.length - trail.length);
  if (core === '') return text;
  const room = options.maxLength === undefined ? Infinity : options.maxLength - core.length - OPEN.length - CLOSE.length;
  return `${lead}${OPEN}${accent(core, options.terms)}${padding(core.length, Math.max(0, room))}${CLOSE}${trail}`;
}

export function isPseudoLocale(code: string): boolean {
  return PSEUDO_LOCALES.some((locale) => locale.code === code);
}

/**
 * What Intl says in a pseudo-locale (a date, a language's name), accented:
 * Intl has no data for a private-use tag and answers in its default language,
 * which would read as a hard-coded string. Other locales' text is returned as it is.
 */
export function pseudoLocaleData(locale: string, text: string): string {
  return isPseudoLocale(locale) ? accent(text) : text;
}
