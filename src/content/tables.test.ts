import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tests/helpers/project.ts';
import { loadRegistry } from '../i18n/locales.ts';
import { labelKeys, loadTables, parseTables, tableIds, tableView } from './tables.ts';

const data = loadTables(ROOT);

function lookup(value: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], value);
}

const messagesOf = (problems: unknown) => (problems as { message: string }[]).map((p) => p.message).join('\n');

describe('shared table data', () => {
  it('has the guide\'s four storefront tables with one row per storefront', () => {
    expect(Object.keys(data.tables)).toEqual(['audience', 'campaign', 'listings', 'follow-up']);
    for (const id of Object.keys(data.tables)) {
      const view = tableView(data, id)!;
      expect(view.kind).toBe('storefront');
      expect(view.rows.map((row) => row.header)).toEqual([{ text: 'AppSource' }, { text: 'Azure Marketplace' }]);
    }
  });

  it('keeps the facts of the seed: listings and lead destinations have two items each', () => {
    const listings = tableView(data, 'listings')!;
    expect(listings.rows[0]!.cells).toEqual([[{ key: 'item.app' }, { key: 'item.consulting-service' }]]);
    const followUp = tableView(data, 'follow-up')!;
    // A brand is shown as text and never looked up for translation.
    expect(followUp.rows[1]!.cells).toEqual([[{ text: 'Azure Marketplace' }, { key: 'item.field-seller-crm' }]]);
  });

  it('resolves a data table into columns, brand or label row headers, and code cells', () => {
    const destinations = tableView(data, 'destinations')!;
    expect(destinations.kind).toBe('data');
    expect(destinations.headerKeys).toEqual(['column.destination', 'column.you-enter']);
    expect(destinations.rows.map((row) => row.header)).toEqual([
      { text: 'Dynamics 365 Customer Engagement' },
      { text: 'Salesforce' },
      { text: 'Marketo' },
      { key: 'item.https-endpoint' },
      { text: 'Azure Table storage' },
    ]);
    expect(destinations.rows[2]!.cells[0]).toEqual([{ key: 'item.marketo-server-id' }, { key: 'item.marketo-munchkin-id' }, { key: 'item.marketo-form-id' }]);
    const fields = tableView(data, 'lead-fields')!;
    expect(fields.rows[0]!.header).toEqual({ code: 'FirstName' });
    expect(tableView(data, 'nope')).toBeUndefined();
    expect(tableIds(data)).toEqual(['audience', 'campaign', 'listings', 'follow-up', 'customer-actions', 'lead-destination-required', 'destinations', 'lead-fields', 'lead-sources', 'action-codes']);
  });

  it('lists every label key the tables need, never brands or codes', () => {
    const keys = labelKeys(data);
    expect(keys).toContain('caption.follow-up');
    expect(keys).toContain('column.storefront');
    expect(keys).toContain('item.demand-generation');
    expect(keys).toContain('caption.destinations');
    expect(keys).toContain('item.https-endpoint');
    expect(keys).toContain('column.you-enter');
    expect(keys).not.toContain('item.azure-marketplace');
    expect(keys.some((key) => key.includes('FirstName') || key.includes('salesforce.'))).toBe(false);
  });

  it('is fully labelled in every locale, with different words in German', () => {
    const registry = loadRegistry(ROOT);
    const labels = Object.fromEntries(registry.codes.map((code) => [code, JSON.parse(readFileSync(join(ROOT, 'content', code, 'tables.json'), 'utf8'))]));
    for (const code of registry.codes) {
      for (const key of labelKeys(data)) expect(typeof lookup(labels[code], key), `${code}: ${key}`).toBe('string');
    }
    expect(lookup(labels.de, 'column.audience')).toBe('Zielgruppe');
    expect(lookup(labels.en, 'column.audience')).toBe('Audience');
    // A German column header never repeats one of its own items (the "Angebote" in "Angebote").
    for (const id of tableIds(data)) {
      const view = tableView(data, id)!;
      const headers = view.headerKeys.map((key) => lookup(labels.de, key));
      const items = view.rows.flatMap((row) => row.cells.flat()).map((cell) => ('key' in cell ? lookup(labels.de, cell.key) : undefined));
      expect(headers.filter((header) => items.includes(header)), id).toEqual([]);
    }
  });

  it('rejects storefront rows that do not match the storefronts and unknown brands', () => {
    const problems = parseTables({
      brands: { a: 'A', b: 'B' },
      storefronts: ['a', 'b'],
      tables: { t: { column: 'c', rows: { b: ['x'], a: [{ brand: 'zzz' }] } } },
    });
    expect(Array.isArray(problems)).toBe(true);
    expect(messagesOf(problems)).toMatch(/rows must be exactly the storefronts in order/);
    expect(messagesOf(problems)).toMatch(/unknown brand "zzz"/);
  });

  it('rejects data tables whose rows do not fit their columns, unknown brands, duplicate ids and empty codes', () => {
    const problems = parseTables({
      brands: { a: 'A' },
      storefronts: ['a'],
      tables: { t: { column: 'c', rows: { a: ['x'] } } },
      dataTables: {
        t: { columns: ['h', 'c'], rows: [{ header: 'x', cells: [['y']] }] },
        d: {
          columns: ['h', 'c', 'c'],
          rows: [
            { header: { brand: 'nope' }, cells: [['y']] },
            { header: { code: ' ' }, cells: [['y'], ['z']] },
          ],
        },
      },
    });
    const messages = messagesOf(problems);
    expect(messages).toMatch(/dataTables\.t: "t" is also a storefront table/);
    expect(messages).toMatch(/dataTables\.d\.columns: column ids must be unique/);
    expect(messages).toMatch(/dataTables\.d\.rows\.0\.header: unknown brand "nope"/);
    expect(messages).toMatch(/dataTables\.d\.rows\.0\.cells: a row needs one cell per column after the header \(2\), found 1/);
    expect(messages).toMatch(/dataTables\.d\.rows\.1\.header/);
  });

  it('accepts table data without data tables', () => {
    const parsed = parseTables({ brands: { a: 'A' }, storefronts: ['a'], tables: { t: { column: 'c', rows: { a: ['x'] } } } });
    expect(Array.isArray(parsed)).toBe(false);
    expect(labelKeys(parsed as Exclude<typeof parsed, unknown[]>)).toEqual(['column.storefront', 'caption.t', 'column.c', 'item.x']);
  });
});
