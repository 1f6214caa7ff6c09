/**
 * Table labels a locale lacks: every label key the shared tables use
 * (content/tables.json) that the locale's `tables.json` does not hold. What a
 * missing label means (an error in the source locale, a fallback with a
 * warning in a translation) is the content model's decision
 * (src/model/status.ts, `missingLabel`); the build's content guard and
 * `check:i18n` both report through here, so they agree.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { missingLabel } from '../model/status.ts';
import type { Finding } from '../report/finding.ts';
import { readJson } from './json.ts';
import { labelKeys, TABLES_NAMESPACE, type TableData } from './tables.ts';

export function tableLabelFindings(root: string, locale: string, sourceLocale: string, tables: TableData): Finding[] {
  const { severity, fallsBack } = missingLabel(locale, sourceLocale);
  const file = `content/${locale}/${TABLES_NAMESPACE}.json`;
  const path = join(root, file);
  const fallback = `; the tables show the ${sourceLocale} label until it is added`;
  if (!existsSync(path)) {
    return [{ file, locale, rule: 'table-label', severity, message: `Pages show tables, but there is no ${TABLES_NAMESPACE}.json${fallsBack ? fallback : ''}.`, hint: fallsBack ? `Copy content/${sourceLocale}/${TABLES_NAMESPACE}.json here and translate its values (not its keys).` : 'Create it with a label for every caption, column and item of content/tables.json.' }];
  }
  const json = readJson(file, path);
  if (!json.ok) return []; // Its syntax error is reported with the parse problems.
  return labelKeys(tables).filter((key) => !isLabel(lookup(json.doc.value, key))).map((key) => ({
    file,
    locale,
    rule: 'table-label',
    severity,
    ...(json.doc.nearestPositionOf(key.split('.').slice(0, -1)) ?? { line: 1, column: 1 }),
    message: `Table label "${key}" is missing or empty${fallsBack ? fallback : ''}.`,
    hint: fallsBack ? `Add "${key}" with its translation.` : `Add "${key}": content/tables.json uses it (a new row, column or table needs its labels in ${sourceLocale} first).`,
  }));
}

const isLabel = (value: unknown) => typeof value === 'string' && value.trim() !== '';

function lookup(value: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, segment) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined), value);
}
