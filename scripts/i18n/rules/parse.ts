/**
 * `parse-error` and `frontmatter`: a translation must parse, follow the
 * frontmatter schema, keep the keys that are structure (such as `order`)
 * equal to the source's, and record which source revision it was made from.
 */
import { frontmatterPlace } from '../../../src/content/parsedPage.ts';
import { LOCALE_INVARIANT_KEYS } from '../../../src/content/frontmatter.ts';
import type { Finding } from '../../../src/report/report.ts';
import type { ParsedPage } from '../collect.ts';
import { pageFinding, type PageContext } from '../context.ts';

/** What the parser found in one page (syntax and frontmatter schema), under the page's locale (used for every page, source included). */
export function parseFindings(page: ParsedPage, locale: string): Finding[] {
  return page.problems.map((problem) => ({ ...problem, locale }));
}

export function frontmatterRule(context: PageContext): Finding[] {
  const { source, translation } = context;
  const findings: Finding[] = [];
  if (translation.problems.length > 0 || source.problems.length > 0) return findings;
  for (const key of LOCALE_INVARIANT_KEYS) {
    const expected = source.frontmatter[key];
    const actual = translation.frontmatter[key];
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      findings.push(
        pageFinding(
          context,
          'frontmatter',
          'error',
          `\`${key}\` is ${JSON.stringify(actual)} here but ${JSON.stringify(expected)} in the source; it is structure, not text, and must be the same in every locale.`,
          frontmatterPlace(translation, key),
          frontmatterPlace(source, key),
          `Set \`${key}: ${JSON.stringify(expected)}\`.`,
        ),
      );
    }
  }
  if (translation.frontmatter.translation === undefined) {
    findings.push(
      pageFinding(
        context,
        'frontmatter',
        'error',
        'The translation does not record which source revision it was made from (`translation.source`).',
        frontmatterPlace(translation, 'title'),
        undefined,
        `Once the text matches ${source.file}, run \`npm run i18n:stamp -- ${translation.file}\`.`,
      ),
    );
  }
  return findings;
}
