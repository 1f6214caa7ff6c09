/**
 * The translation check's rule registry: every rule `check:i18n` can report,
 * with its default severity, a one-line description, an example and its
 * check. `checkTranslations` runs what this list holds (or the part selected
 * with `--rule`/`--ignore-rule`); the README's rule table and the SARIF rule
 * descriptors come from it.
 *
 * A new rule: write its check in rules/ (a `RunCheck`, or a `PageCheck` wrapped
 * in `eachPair`), add an entry here, a test with fixtures beside the rule, and
 * run `npm run docs:rules` to update the README.
 */
import type { Finding } from '../../src/report/report.ts';
import type { Rule } from '../../src/report/rules.ts';
import type { PageContext } from './context.ts';
import type { TranslationRun } from './context.ts';
import { headingRules } from './rules/headings.ts';
import { outdatedRule } from './rules/outdated.ts';
import { pageSetRules } from './rules/pages.ts';
import { frontmatterRule, parseFindings } from './rules/parse.ts';
import { componentRule, imageRule, linkRule } from './rules/references.ts';
import { structureRules } from './rules/structure.ts';
import { glossaryRule, placeholderRule, untranslatedRule } from './rules/text.ts';
import { judgeMismatches } from './blame.ts';
import { ContentError } from '../../src/report/finding.ts';
import { loadTables } from '../../src/content/tables.ts';
import { tableLabelFindings } from '../../src/content/tableLabels.ts';

/** A check over the whole run: every checked locale, the source included where it matters. */
export type RunCheck = (run: TranslationRun) => Finding[];
/** A check of one translated page against its source page. */
export type PageCheck = (context: PageContext, run: TranslationRun) => Finding[];

export type I18nRule = Rule<RunCheck>;

/**
 * Runs a page check on every translated page whose source and translation both parse. A page still in the
 * source language (the content model's `untranslated`) is not a translation: readers get the fallback, and only
 * the checks that say so (`alsoUntranslated`) look at it, rather than every rule reporting its English links and text.
 * An error inside a section the source changed since the stamp is the source's move, not the translator's
 * (`judgeMismatches`, the content model's `blame`): it is reported as outdated, a warning.
 */
export function eachPair(check: PageCheck, options: { alsoUntranslated?: boolean } = {}): RunCheck {
  return (run) =>
    run.targets.flatMap((target) =>
      target.pairs
        .filter(
          (pair) => pair.source.outline && pair.translation.outline && (options.alsoUntranslated || pair.page.status !== 'untranslated'),
        )
        .flatMap((pair) => judgeMismatches(pair, check(pair, run), (masked) => check(masked, run))),
    );
}

// Checks shared by several rules are defined once, so the runner calls each once.
const pageSets: RunCheck = (run) => run.targets.flatMap((target) => pageSetRules(target.locale, run.site));

/** What the parser found, in every checked page and namespace; the source's own problems under the source locale. */
const parsed =
  (rule: 'parse-error' | 'frontmatter'): RunCheck =>
  (run) =>
    [
      ...run.sourcePages.flatMap((page) => parseFindings(page, run.sourceLocale)),
      ...run.sourceNamespaces.flatMap((namespace) => namespace.problems.map((problem) => ({ ...problem, locale: run.sourceLocale }))),
      ...run.targets.flatMap((target) => [
        ...target.pages.flatMap((page) => parseFindings(page, target.locale.code)),
        ...target.namespaces.flatMap((namespace) => namespace.problems.map((problem) => ({ ...problem, locale: target.locale.code }))),
      ]),
    ].filter((finding) => finding.rule === rule);
const parseErrors = parsed('parse-error');
const frontmatter: RunCheck = (run) => [
  ...parsed('frontmatter')(run),
  ...run.targets.flatMap((target) => target.pairs.flatMap((pair) => frontmatterRule(pair))),
];
const outdated = eachPair((context, run) => outdatedRule(context, { root: run.root, history: run.history }));
const headings = eachPair(headingRules);
const structure = eachPair(structureRules);
const ui: RunCheck = (run) => run.targets.flatMap((target) => target.ui().findings);
/** Symbolic links the content model refused to follow, in the checked locales (and at the top of content/). */
const symlinks: RunCheck = (run) => {
  const checked = new Set([run.sourceLocale, ...run.targets.map((target) => target.locale.code)]);
  return run.site.refused.flatMap((finding) => {
    const locale = finding.file.split('/')[1]!;
    return !run.registry.get(locale) ? [finding] : checked.has(locale) ? [{ ...finding, locale }] : [];
  });
};
/** The source locale must hold every table label; a translation falls back to it (the content model's `missingLabel`). */
const tableLabels: RunCheck = (run) => {
  let tables;
  try {
    tables = loadTables(run.root);
  } catch (error) {
    if (error instanceof ContentError)
      return error.problems.map((problem) => ({
        ...problem,
        rule: 'table-label',
        severity: 'error' as const,
        message: `The tables cannot be checked: ${problem.message}`,
      }));
    throw error;
  }
  return tableLabelFindings(run.root, run.sourceLocale, run.sourceLocale, tables);
};

export const I18N_RULES: readonly I18nRule[] = [
  {
    id: 'missing-page',
    severity: 'error',
    severityNote: 'warning for a partial locale',
    description: 'A source page has no translation.',
    example: '`content/en/guides/x.mdx` has no `content/de/guides/x.mdx`',
    check: pageSets,
  },
  {
    id: 'orphan-page',
    severity: 'error',
    description: 'A translation has no source page.',
    example: '`content/de/guides/old.mdx` exists, `content/en/guides/old.mdx` does not',
    check: pageSets,
  },
  {
    id: 'parse-error',
    severity: 'error',
    description: 'A page or UI-string file cannot be read or parsed.',
    example:
      '`Ein {Satz` (an unclosed MDX expression), invalid JSON in `de/ui.json`, a page that is not UTF-8 or holds binary data (at the first bad byte)',
    check: parseErrors,
  },
  {
    id: 'symlink',
    severity: 'error',
    description: 'A symbolic link in content/, which is never followed.',
    example: '`content/de/guides` linking to `../en/guides` (a loop of phantom pages) or to a folder outside the project',
    check: symlinks,
  },
  {
    id: 'frontmatter',
    severity: 'error',
    description: 'Frontmatter breaks the schema, differs from the source in structure, or records no source revision.',
    example: '`order: 2` where English has `order: 1`; no `translation.source`; `description` too short',
    check: frontmatter,
  },
  {
    id: 'outdated',
    severity: 'warning',
    description: 'The source page changed since the translation was made.',
    example:
      'English changed since `translation.source`; names the changed sections and how, `#follow-up (text), #next-steps (link target)`, from the fingerprints in `translation.sections` (works in a shallow clone), and adds the source diff when the old revision is in git',
    check: outdated,
  },
  {
    id: 'heading-mismatch',
    severity: 'error',
    description: 'Headings differ from the source in number or level.',
    example: 'English `## Next steps`, German `### Nächste Schritte`',
    check: headings,
  },
  {
    id: 'heading-id',
    severity: 'error',
    description: 'Heading ids differ from the source, so anchors break.',
    example: 'German heading without `{/* #next-steps */}`, so its id is `nachste-schritte`',
    check: headings,
  },
  {
    id: 'structure-mismatch',
    severity: 'error',
    description: 'The blocks of the page do not line up with the source.',
    example:
      'a paragraph where English has a list, at the first block that stops lining up, in both files; two paragraphs merged into one (or a heading run into its paragraph, or one split in two), at that block, naming the source blocks it stands for',
    check: structure,
  },
  {
    id: 'list-mismatch',
    severity: 'error',
    description: 'A list has a different number of items.',
    example: '3 bullet items where English has 2; two items merged into one, at that item',
    check: structure,
  },
  {
    id: 'table-mismatch',
    severity: 'error',
    description: 'A table has different rows or columns.',
    example: 'a 3 x 2 table where English has 2 x 2; two rows merged into one, at that row',
    check: structure,
  },
  {
    id: 'code-mismatch',
    severity: 'error',
    description: 'A code block differs from the source.',
    example: '` ```sh npm run bauen``` ` where English has `npm run build`',
    check: structure,
  },
  {
    id: 'component-mismatch',
    severity: 'error',
    description: 'Components or their props differ from the source.',
    example: '`<StorefrontTable table="campaign" />` where English has `table="audience"`',
    check: eachPair(componentRule),
  },
  {
    id: 'link-mismatch',
    severity: 'error',
    description: 'Link targets differ from the source (localized).',
    example: 'a German link to `/en/guides/x/` (should be `/de/guides/x/`), or a dropped link',
    check: eachPair(linkRule),
  },
  {
    id: 'image-mismatch',
    severity: 'error',
    description: 'Images differ from the source, or lack alt text.',
    example: 'another `src`, or alt text missing where English has it',
    check: eachPair(imageRule),
  },
  {
    id: 'untranslated',
    severity: 'warning',
    description: 'Text is still in the source language.',
    example:
      "a paragraph identical to English; an English sentence, list item, table cell or heading in a translated block; an English title or description; a whole page still in English (the seed's nl-NL case, served as a fallback)",
    check: eachPair(untranslatedRule, { alsoUntranslated: true }),
  },
  {
    id: 'glossary',
    severity: 'warning',
    description: 'A do-not-translate term is altered or missing.',
    example:
      '`App Source` or a dropped `Azure Marketplace` (terms in `content/glossary.json`), in the text or in `title`, `navTitle` or `description`',
    check: eachPair(glossaryRule),
  },
  {
    id: 'placeholder-mismatch',
    severity: 'error',
    description: 'Numbers, code, URLs or expressions differ from the source.',
    example: '`43 Dingen` where English has `42 items`; changed `` `code` ``, URLs or `{expressions}`',
    check: eachPair(placeholderRule),
  },
  {
    id: 'table-label',
    severity: 'error',
    description: 'A label the shared tables use (a caption, column or item of `content/tables.json`) is missing in the source locale.',
    example:
      'a new row `"salesforce-org-id"` in `content/tables.json` without `item.salesforce-org-id` in `en/tables.json` (a translation without it shows the English label: `ui-missing-key`)',
    check: tableLabels,
  },
  {
    id: 'ui-missing-key',
    severity: 'warning',
    description: "A UI string or table label of the source is missing; the page shows the source's text.",
    example: '`nav.label` in `en/ui.json` but not in `de/ui.json`',
    check: ui,
  },
  {
    id: 'ui-extra-key',
    severity: 'warning',
    description: 'A UI string key the source does not have.',
    example: '`nav.lable` in `de/ui.json` only',
    check: ui,
  },
  { id: 'ui-empty', severity: 'error', description: 'A UI string is empty.', example: '`"skipLink": ""`', check: ui },
  {
    id: 'ui-untranslated',
    severity: 'warning',
    description: 'A UI string is identical to the source, or still in the source language.',
    example: '`"Read more"` in both, or edited but still English (glossary terms and `sameInTranslation` words are fine)',
    check: ui,
  },
  {
    id: 'ui-interpolation',
    severity: 'error',
    description: "A UI string drops or changes the source's placeholders, nesting or tags.",
    example: '`{{language}}` became `{{sprache}}`; `$t(key)` nesting a missing key; `<0>` tags dropped',
    check: ui,
  },
  {
    id: 'ui-plural',
    severity: 'error',
    description: 'A UI string lacks a plural form the language needs, or has one it never uses.',
    example: 'German lacks `items_one`, or has `items_few` (German uses only `one` and `other`, per `Intl.PluralRules`)',
    check: ui,
  },
];
