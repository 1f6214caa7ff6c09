/**
 * The site's tables as shared data: structure and ids, never words.
 *
 * `content/tables.json` holds two kinds of table, both rendered the same way:
 * - `tables`: storefront tables, one row per storefront (AppSource, Azure
 *   Marketplace) and one column of items, e.g. who each storefront reaches;
 * - `dataTables`: tables of facts that repeat across other things (lead
 *   destinations, lead fields), with any rows and columns.
 * Each locale's `tables.json` (an i18next namespace) says what the captions,
 * column headers and items are called. A translator translates labels and
 * cannot change a table's rows, so every locale shows the same facts. Brands
 * and literal codes (field names, action codes) come from the shared data and
 * are never translated.
 */
import { join } from 'node:path';
import { z } from 'astro/zod';
import { readJson } from './json.ts';
import { ContentError, type Finding } from '../report/finding.ts';

export const TABLES_FILE = 'content/tables.json';
/** The i18next namespace (and file name in each locale folder) holding table labels. */
export const TABLES_NAMESPACE = 'tables';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens');
/**
 * A cell item: a label key (translated), a brand (never translated), or a
 * literal code such as a field name (shown as code, never translated).
 */
const itemSchema = z.union([id, z.object({ brand: id }).strict(), z.object({ code: z.string().trim().min(1) }).strict()]);

/**
 * The page that owns a table placed on several pages (its source-locale slug, such as
 * `lead-management/destinations`): search finds the table's words there only, so the same
 * words do not come back as one result per page that shows them (src/content/tableSearch.ts).
 */
const home = z.string().optional();

const storefrontTableSchema = z.object({ column: id, home, rows: z.record(id, z.array(itemSchema).min(1)) }).strict();

const dataTableSchema = z
  .object({
    /** Column ids; the first is the column of row headers. */
    columns: z.array(id).min(2),
    home,
    rows: z.array(z.object({ header: itemSchema, cells: z.array(z.array(itemSchema).min(1)) }).strict()).min(1),
  })
  .strict();

const tablesSchema = z
  .object({
    brands: z.record(id, z.string().min(1)),
    storefronts: z.array(id).min(1),
    tables: z.record(id, storefrontTableSchema),
    dataTables: z.record(id, dataTableSchema).default({}),
  })
  .strict()
  .superRefine((data, ctx) => {
    const checkItem = (item: TableItem, path: (string | number)[]) => {
      if (typeof item === 'object' && 'brand' in item && !(item.brand in data.brands)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown brand "${item.brand}"` });
      }
    };
    for (const storefront of data.storefronts) {
      if (!(storefront in data.brands)) ctx.addIssue({ code: 'custom', path: ['storefronts'], message: `storefront "${storefront}" has no entry in "brands"` });
    }
    for (const [tableId, table] of Object.entries(data.tables)) {
      const rowIds = Object.keys(table.rows);
      if (rowIds.join() !== data.storefronts.join()) {
        ctx.addIssue({ code: 'custom', path: ['tables', tableId, 'rows'], message: `rows must be exactly the storefronts in order (${data.storefronts.join(', ')}), found ${rowIds.join(', ')}` });
      }
      for (const [rowId, items] of Object.entries(table.rows)) items.forEach((item, index) => checkItem(item, ['tables', tableId, 'rows', rowId, index]));
    }
    for (const [tableId, table] of Object.entries(data.dataTables)) {
      if (tableId in data.tables) ctx.addIssue({ code: 'custom', path: ['dataTables', tableId], message: `"${tableId}" is also a storefront table; table ids must be unique` });
      if (new Set(table.columns).size !== table.columns.length) ctx.addIssue({ code: 'custom', path: ['dataTables', tableId, 'columns'], message: 'column ids must be unique' });
      table.rows.forEach((row, rowIndex) => {
        const path = ['dataTables', tableId, 'rows', rowIndex];
        checkItem(row.header, [...path, 'header']);
        if (row.cells.length !== table.columns.length - 1) {
          ctx.addIssue({ code: 'custom', path: [...path, 'cells'], message: `a row needs one cell per column after the header (${table.columns.length - 1}), found ${row.cells.length}` });
        }
        row.cells.forEach((items, cellIndex) => items.forEach((item, index) => checkItem(item, [...path, 'cells', cellIndex, index])));
      });
    }
  });

export type TableData = z.infer<typeof tablesSchema>;
export type TableItem = z.infer<typeof itemSchema>;

/** A label to look up, text to show as it is (a brand), or a literal code. */
export type Cell = { key: string } | { text: string } | { code: string };

export interface TableView {
  id: string;
  /** `storefront` for the storefront tables, `data` for the others. */
  kind: 'storefront' | 'data';
  captionKey: string;
  /** The slug of the source page that owns the table, when it has one (see `home` above). */
  home: string | undefined;
  /** One label key per column; the first names the column of row headers. */
  headerKeys: string[];
  /** Each row's header and its cells (one list of items per column after the header). */
  rows: { header: Cell; cells: Cell[][] }[];
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
    hint:
      issue.path[0] === 'dataTables'
        ? 'Each data table needs "columns" (ids, the first for the row headers) and "rows" of { "header": item, "cells": [[items], …] } with one cell per column after the first.'
        : 'Each storefront table needs a "column" id and one row of items per storefront, in the order of "storefronts".',
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

/** Every table id, storefront tables first. */
export function tableIds(data: TableData): string[] {
  return [...Object.keys(data.tables), ...Object.keys(data.dataTables)];
}

function cellOf(data: TableData, item: TableItem): Cell {
  if (typeof item === 'string') return { key: `item.${item}` };
  if ('brand' in item) return { text: data.brands[item.brand]! };
  return { code: item.code };
}

/** Resolves one table (of either kind) into header keys and rows, ready for a component to translate. */
export function tableView(data: TableData, tableId: string): TableView | undefined {
  const storefrontTable = Object.hasOwn(data.tables, tableId) ? data.tables[tableId] : undefined;
  if (storefrontTable) {
    return {
      id: tableId,
      kind: 'storefront',
      captionKey: `caption.${tableId}`,
      home: storefrontTable.home,
      headerKeys: ['column.storefront', `column.${storefrontTable.column}`],
      rows: data.storefronts.map((storefront) => ({
        header: { text: data.brands[storefront]! },
        cells: [(storefrontTable.rows[storefront] ?? []).map((item) => cellOf(data, item))],
      })),
    };
  }
  const dataTable = Object.hasOwn(data.dataTables, tableId) ? data.dataTables[tableId] : undefined;
  if (!dataTable) return undefined;
  return {
    id: tableId,
    kind: 'data',
    captionKey: `caption.${tableId}`,
    home: dataTable.home,
    headerKeys: dataTable.columns.map((column) => `column.${column}`),
    rows: dataTable.rows.map((row) => ({ header: cellOf(data, row.header), cells: row.cells.map((items) => items.map((item) => cellOf(data, item))) })),
  };
}

/** Every label key the tables use, so a locale can be checked for all of them before the build. */
export function labelKeys(data: TableData): string[] {
  const keys = new Set<string>(['column.storefront']);
  const addCell = (cell: Cell) => 'key' in cell && keys.add(cell.key);
  for (const tableId of tableIds(data)) {
    const view = tableView(data, tableId)!;
    keys.add(view.captionKey);
    view.headerKeys.forEach((key) => keys.add(key));
    for (const row of view.rows) {
      addCell(row.header);
      row.cells.forEach((items) => items.forEach(addCell));
    }
  }
  return [...keys];
}
