/**
 * Language names inside sentences, in the reader's language: a German page
 * says "auf Englisch", a French one "en anglais", a Dutch one "in het Engels".
 * Pasting a language's own name ("English", "Français") into another
 * language's sentence reads wrong, so sentences take names from
 * `Intl.DisplayNames` (CLDR). The registry's `name` is only for places that
 * show a language to its own speakers, such as the language picker.
 */
import { isPseudoLocale, pseudoLocaleData } from './pseudo.ts';

const namers = new Map<string, Intl.DisplayNames>();

/** The name of `language` (a BCP 47 tag) as written in a sentence in `inLanguage`; `fallback` when Intl has none. */
export function languageName(language: string, inLanguage: string, fallback = language): string {
  // A pseudo-locale's sentences are accented English: so is the name in them.
  if (isPseudoLocale(inLanguage)) return pseudoLocaleData(inLanguage, languageName(language, 'en', fallback));
  let namer = namers.get(inLanguage);
  if (!namer) {
    namer = new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'none' });
    namers.set(inLanguage, namer);
  }
  try {
    return namer.of(language) ?? fallback;
  } catch {
    return fallback;
  }
}
