/**
 * Rules for UI strings (`content/<locale>/*.json`, i18next namespaces),
 * compared key by key with the source locale:
 * `ui-missing-key`, `ui-extra-key`, `ui-empty`, `ui-untranslated`,
 * `ui-interpolation` (`{{var}}`, `$t(key)` nesting, `<0>`/`<strong>` tags),
 * `ui-plural` (the plural forms `Intl.PluralRules` requires for the locale).
 */
import type { JsonDocument } from '../../../src/content/json.ts';
import type { Locale } from '../../../src/i18n/locales.ts';
import type { Finding, Severity } from '../../../src/report/report.ts';
import type { Namespace } from '../collect.ts';
import { withoutTerms, type Glossary } from '../../../src/translation/glossary.ts';
import { isSourceLanguage } from '../../../src/translation/language.ts';

import { ignoredWords } from '../../../src/translation/untranslated.ts';
import { missingLabel } from '../../../src/model/status.ts';

export interface UiContext {
  locale: Locale;
  sourceLocale: string;
  source: readonly Namespace[];
  translation: readonly Namespace[];
  glossary: Glossary;
}

interface Leaf {
  key: string;
  path: (string | number)[];
  value: string;
}

const PLURAL_SUFFIX = /_(?:ordinal_)?(zero|one|two|few|many|other)$/;

/** Every string in a namespace, with its dotted i18next key. */
export function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (typeof value === 'string') return [{ key: path.join('.'), path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [];
}

export function uiRules(context: UiContext): { findings: Finding[]; total: number; translated: number } {
  const findings: Finding[] = [];
  let total = 0;
  let translated = 0;
  // A missing string shows the source's text: the content model decides what that means (a warning in a translation).
  const missingSeverity: Severity = missingLabel(context.locale.code, context.sourceLocale).severity;
  const resources = new Map(context.translation.map((namespace) => [namespace.name, namespace]));
  const sourceResources = new Map(context.source.map((namespace) => [namespace.name, namespace]));

  for (const sourceNamespace of context.source) {
    if (!sourceNamespace.doc) continue;
    const sourceLeaves = leaves(sourceNamespace.doc.value);
    total += sourceLeaves.filter((leaf) => !PLURAL_SUFFIX.test(leaf.key)).length + pluralBases(sourceLeaves).size;
    const target = resources.get(sourceNamespace.name);
    const file = `content/${context.locale.code}/${sourceNamespace.name}.json`;
    const make = (
      rule: string,
      severity: Severity,
      message: string,
      doc: JsonDocument | undefined,
      path: (string | number)[],
      sourcePath?: (string | number)[],
      hint?: string,
    ): Finding => {
      const place = doc?.nearestPositionOf(path) ?? { line: 1, column: 1 };
      const sourcePlace = sourcePath && sourceNamespace.doc!.positionOf(sourcePath);
      return {
        rule,
        severity,
        message,
        locale: context.locale.code,
        file,
        line: place.line,
        column: place.column,
        ...(sourcePlace ? { source: { file: sourceNamespace.file, ...sourcePlace } } : {}),
        ...(hint ? { hint } : {}),
        // The string's dotted key, for i18n:status's to-do list (none for a whole missing file).
        ...(path.length ? { key: path.join('.') } : {}),
      };
    };
    if (!target) {
      findings.push(
        make(
          'ui-missing-key',
          missingSeverity,
          `The namespace file is missing: all ${sourceLeaves.length} strings of ${sourceNamespace.file} fall back to the source language.`,
          undefined,
          [],
          undefined,
          `Copy ${sourceNamespace.file} to ${file} and translate its values.`,
        ),
      );
      continue;
    }
    if (!target.doc) continue; // Its parse error is reported with the parse findings.
    const targetLeaves = leaves(target.doc.value);
    const byKey = new Map(targetLeaves.map((leaf) => [leaf.key, leaf]));
    const sourceKeys = new Set(sourceLeaves.map((leaf) => leaf.key));

    for (const leaf of sourceLeaves) {
      if (PLURAL_SUFFIX.test(leaf.key)) continue; // Plural forms are the plural rule's business.
      const other = byKey.get(leaf.key);
      if (!other) {
        findings.push(
          make(
            'ui-missing-key',
            missingSeverity,
            `"${leaf.key}" is missing; the page shows the source text “${leaf.value}”.`,
            target.doc,
            leaf.path,
            leaf.path,
            `Add "${leaf.key}" with its translation.`,
          ),
        );
        continue;
      }
      const checked = checkPair(leaf, other, context, resources, sourceResources, (rule, severity, message, hint) =>
        findings.push(make(rule, severity, message, target.doc, other.path, leaf.path, hint)),
      );
      if (checked) translated++;
    }
    for (const leaf of targetLeaves) {
      if (sourceKeys.has(leaf.key)) continue;
      const base = leaf.key.replace(PLURAL_SUFFIX, '');
      if (PLURAL_SUFFIX.test(leaf.key) && pluralBases(sourceLeaves).has(base)) continue;
      findings.push(
        make(
          'ui-extra-key',
          'warning',
          `"${leaf.key}" is not a key of the source namespace; nothing uses it.`,
          target.doc,
          leaf.path,
          undefined,
          'Remove it, or check it against the source key it was meant to translate (renamed or misspelled?).',
        ),
      );
    }
    for (const [base, sourceForms] of pluralBases(sourceLeaves)) {
      const ok = pluralRule(base, sourceForms, targetLeaves, context.locale, (message, path, hint) =>
        findings.push(make('ui-plural', 'error', message, target.doc, path, sourceForms[0]?.path, hint)),
      );
      if (ok) {
        for (const form of targetLeaves.filter((leaf) => leaf.key.replace(PLURAL_SUFFIX, '') === base)) {
          const sourceForm =
            sourceForms.find((candidate) => candidate.key.endsWith(form.key.slice(base.length))) ??
            sourceForms.find((candidate) => candidate.key.endsWith('_other'))!;
          checkPair(
            sourceForm,
            form,
            context,
            resources,
            sourceResources,
            (rule, severity, message, hint) => findings.push(make(rule, severity, message, target.doc, form.path, sourceForm.path, hint)),
            true,
          );
        }
        translated++;
      }
    }
  }
  return { findings, total, translated };
}

/** Checks one translated string against its source; returns whether it counts as translated. */
function checkPair(
  source: Leaf,
  target: Leaf,
  context: UiContext,
  resources: Map<string, Namespace>,
  sourceResources: Map<string, Namespace>,
  report: (rule: string, severity: Severity, message: string, hint?: string) => void,
  isPluralForm = false,
): boolean {
  if (target.value.trim() === '') {
    report(
      'ui-empty',
      'error',
      `"${target.key}" is empty; i18next shows the source text “${source.value}” instead.`,
      'Translate it, or remove the key to fall back on purpose.',
    );
    return false;
  }
  let translated = true;
  if (
    !isPluralForm &&
    target.value === source.value &&
    withoutTerms(stripMarkup(source.value), context.glossary, context.locale.code).replace(/[^\p{L}]+/gu, '') !== ''
  ) {
    report(
      'ui-untranslated',
      'warning',
      `"${target.key}" is identical to the source: “${source.value}”.`,
      'Translate it; if it is right as it is, add the words to "sameInTranslation" in content/glossary.json.',
    );
    translated = false;
  } else if (
    !isPluralForm &&
    target.value !== source.value &&
    isSourceLanguage(
      stripMarkup(target.value),
      context.sourceLocale,
      context.locale.hreflang,
      ignoredWords(context.glossary, context.locale.code),
    )
  ) {
    // Edited but still in the source language ("Your CRM-Systeem"): a label a reader of this locale cannot read.
    report(
      'ui-untranslated',
      'warning',
      `"${target.key}" is still in the source language: “${target.value}”.`,
      'Translate it; if it is right as it is, add the words to "sameInTranslation" in content/glossary.json.',
    );
    translated = false;
  }
  const expected = markup(source.value);
  const actual = markup(target.value);
  const differences = [
    ...difference('{{', expected.variables, actual.variables, '}}'),
    ...difference('$t(', expected.nesting, actual.nesting, ')'),
    ...difference('<', expected.tags, actual.tags, '>'),
    ...difference('[', expected.tokens, actual.tokens, ']'),
  ];
  if (differences.length > 0) {
    report(
      'ui-interpolation',
      'error',
      `"${target.key}" does not keep the source's placeholders: ${differences.join('; ')}.`,
      'Keep every {{variable}}, $t(key), <tag> and [PLACEHOLDER] of the source exactly; translate only the words around them.',
    );
  }
  for (const nested of actual.nesting) {
    const [namespace, key] = nested.includes(':') ? (nested.split(':', 2) as [string, string]) : ['ui', nested];
    const holder = resources.get(namespace)?.doc ?? sourceResources.get(namespace)?.doc;
    if (!holder || !leaves(holder.value).some((leaf) => leaf.key === key || leaf.key.startsWith(`${key}_`))) {
      report(
        'ui-interpolation',
        'error',
        `"${target.key}" nests $t(${nested}), but that key does not exist.`,
        'Nest an existing key, as the source does.',
      );
    }
  }
  return translated;
}

/** The plural forms of a base key in the source: `{ items: [items_one, items_other] }`. */
function pluralBases(all: readonly Leaf[]): Map<string, Leaf[]> {
  const bases = new Map<string, Leaf[]>();
  for (const leaf of all) {
    if (!PLURAL_SUFFIX.test(leaf.key)) continue;
    const base = leaf.key.replace(PLURAL_SUFFIX, '');
    bases.set(base, [...(bases.get(base) ?? []), leaf]);
  }
  return bases;
}

/** The translation must have exactly the plural categories its language uses (`zero` is always allowed: i18next uses it for 0). */
function pluralRule(
  base: string,
  sourceForms: readonly Leaf[],
  target: readonly Leaf[],
  locale: Locale,
  report: (message: string, path: (string | number)[], hint?: string) => void,
): boolean {
  const ordinal = sourceForms.some((leaf) => leaf.key.includes('_ordinal_'));
  const needed = new Intl.PluralRules(locale.hreflang, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions()
    .pluralCategories as string[];
  const forms = target.filter((leaf) => leaf.key.replace(PLURAL_SUFFIX, '') === base && PLURAL_SUFFIX.test(leaf.key));
  const present = new Set(forms.map((leaf) => PLURAL_SUFFIX.exec(leaf.key)![1]!));
  const prefix = ordinal ? `${base}_ordinal_` : `${base}_`;
  const missing = needed.filter((category) => !present.has(category));
  const impossible = [...present].filter((category) => !needed.includes(category) && category !== 'zero');
  const path = forms[0]?.path ?? sourceForms[0]!.path.slice(0, -1);
  if (missing.length > 0)
    report(
      `"${base}" lacks the plural form${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${prefix}${c}"`).join(', ')}, which ${locale.name} needs (${needed.join(', ')}).`,
      path,
      `Add ${missing.map((c) => `"${prefix}${c}"`).join(', ')}.`,
    );
  if (impossible.length > 0)
    report(
      `"${base}" has the plural form${impossible.length > 1 ? 's' : ''} ${impossible.map((c) => `"${prefix}${c}"`).join(', ')}, which ${locale.name} never uses (it uses ${needed.join(', ')}).`,
      forms.find((leaf) => impossible.includes(PLURAL_SUFFIX.exec(leaf.key)![1]!))?.path ?? path,
      'Remove them.',
    );
  return missing.length === 0 && impossible.length === 0;
}

/**
 * The markup in a string that a translation must keep: i18next's `{{var}}` (with format), `$t(key)`
 * and Trans tags `<0>`, `<strong>`, and the `[SEARCH_TERM]`-style placeholders of Pagefind's strings.
 */
export function markup(value: string): { variables: string[]; nesting: string[]; tags: string[]; tokens: string[] } {
  const variables = [...value.matchAll(new RegExp(MARKUP.variable, 'g'))].map((match) => match[1]!);
  const nesting = [...value.matchAll(new RegExp(MARKUP.nesting, 'g'))].map((match) => match[1]!);
  const tags = [...value.matchAll(new RegExp(MARKUP.tag, 'g'))].map((match) => `${match[1]}${match[2]}${match[3]}`);
  const tokens = [...value.matchAll(new RegExp(MARKUP.token, 'g'))].map((match) => match[1]!);
  return { variables, nesting, tags, tokens };
}

/** The four kinds of markup `markup` lists, defined once. */
const MARKUP = {
  variable: /\{\{-?\s*([^,}]+?)\s*(?:,[^}]*)?\}\}/,
  nesting: /\$t\(\s*([^,)]+?)\s*(?:,[^)]*)?\)/,
  tag: /<(\/?)([a-zA-Z0-9]+)\s*(\/?)>/,
  token: /\[([A-Z][A-Z0-9_]*)\]/,
};

/** The same markup in reading order with its offsets: where a tool cuts a string into text and protected pieces (the XLIFF export). */
export function markupPieces(value: string): { start: number; end: number }[] {
  const any = new RegExp(
    Object.values(MARKUP)
      .map((pattern) => pattern.source)
      .join('|'),
    'g',
  );
  return [...value.matchAll(any)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

function stripMarkup(value: string): string {
  return value.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?[a-zA-Z0-9]+\s*\/?>|\[[A-Z][A-Z0-9_]*\]/g, ' ');
}

function difference(open: string, expected: readonly string[], actual: readonly string[], close: string): string[] {
  const left = [...actual];
  const missing = expected.filter((item) => {
    const index = left.indexOf(item);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  });
  return [...missing.map((item) => `missing ${open}${item}${close}`), ...left.map((item) => `extra ${open}${item}${close}`)];
}
