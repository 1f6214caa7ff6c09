/**
 * The guide's tables as shared data: structure and ids, never words.
 *
 * `content/tables.json` says which storefront has which items; each locale's
 * `tables.json` (an i18next namespace) says what the column headers, captions
 * and items are called. A translator translates labels and cannot change a
 * table's rows, so every locale shows the same facts.
 */
import { join } from 'node:path';
import { z } from 'astro/zod';
import { readJson } from './json.ts';
import { ContentError, type Finding } from './finding.ts';

export const TABLES_FILE = 'content/tables.json';
/** The i18next namespace (and file name in each locale folder) holding table labels. */
export const TABLES_NAMESPACE = 'tables';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens');
/** A cell item: a label key (translated) or a brand (never translated). */
const itemSchema = z.union([id, z.object({ brand: id }).strict()]);

const tablesSchema = z
  .object({
    brands: z.record(id, z.string().min(1)),
    storefronts: z.array(id).min(1),
    tables: z.record(id, z.object({ column: id, rows: z.record(id, z.array(itemSchema).min(1)) }).strict()),
  })
  .strict()
  .superRefine((data, ctx) => {
    for (const storefront of data.storefronts) {
      if (!(storefront in data.brands)) ctx.addIssue({ code: 'custom', path: ['storefronts'], message: `storefront "${storefront}" has no entry in "brands"` });
    }
    for (const [tableId, table] of Object.entries(data.tables)) {
      const rowIds = Object.keys(table.rows);
      if (rowIds.join() !== data.storefronts.join()) {
        ctx.addIssue({ code: 'custom', path: ['tables', tableId, 'rows'], message: `rows must be exactly the storefronts in order (${data.storefronts.join(', ')}), found ${rowIds.join(', ')}` });
      }
      for (const [rowId, items] of Object.entries(table.rows)) {
        items.forEach((item, index) => {
          if (typeof item !== 'string' && !(item.brand in data.brands)) {
            ctx.addIssue({ code: 'custom', path: ['tables', tableId, 'rows', rowId, index], message: `unknown brand "${item.brand}"` });
          }
        });
      }
    }
  });

export type TableData = z.infer<typeof tablesSchema>;
export type TableItem = z.infer<typeof itemSchema>;

/** A label to look up, or text to show as it is. */
export type Cell = { key: string } | { text: string };

export interface TableView {
  id: string;
  captionKey: string;
  headerKeys: [string, string];
  rows: { header: string; items: Cell[] }[];
}

/** Validates table data; problems are located in `content/tables.json` when `positionOf` knows where. */
export function parseTables(value: unknown, positionOf: (path: readonly (string | number)[]) => { line: number; column: number } | undefined = () => undefined): TableData | Finding[] {
  const result = tablesSchema.safeParse(value);
  if (result.success) return result.data;
  return result.error.issues.map((issue) => ({
    file: TABLES_FILE,
    ...(positionOf(issue.path as (string | number)[]) ?? {}),
    rule: 'config',
      severity: 'error',
      message: `Invalid table data at ${issue.path.join('.') || '(root)'}: ${issue.message}.`,
    hint: 'Each table needs a "column" id and one row of items per storefront, in the order of "storefronts".',
  }));
}

/** Reads and validates `content/tables.json`; throws a ContentError naming file and line. */
export function loadTables(root: string): TableData {
  const json = readJson(TABLES_FILE, join(root, TABLES_FILE));
  if (!json.ok) throw new ContentError(json.problems);
  const data = parseTables(json.doc.value, json.doc.nearestPositionOf);
  if (Array.isArray(data)) throw new ContentError(data);
  return data;
}

/** Resolves one table into header keys and rows, ready for a component to translate. */
export function tableView(data: TableData, tableId: string): TableView | undefined {
  const table = data.tables[tableId];
  if (!table) return undefined;
  return {
    id: tableId,
    captionKey: `caption.${tableId}`,
    headerKeys: ['column.storefront', `column.${table.column}`],
    rows: data.storefronts.map((storefront) => ({
      header: data.brands[storefront]!,
      items: (table.rows[storefront] ?? []).map((item): Cell => (typeof item === 'string' ? { key: `item.${item}` } : { text: data.brands[item.brand]! })),
    })),
  };
}

/** Every label key the tables use, so a locale can be checked for all of them before the build. */
export function labelKeys(data: TableData): string[] {
  const keys = new Set<string>(['column.storefront']);
  for (const tableId of Object.keys(data.tables)) {
    const view = tableView(data, tableId)!;
    keys.add(view.captionKey);
    view.headerKeys.forEach((key) => keys.add(key));
    view.rows.forEach((row) => row.items.forEach((item) => 'key' in item && keys.add(item.key)));
  }
  return [...keys];
}
