import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tests/helpers/project.ts';
import { loadRegistry } from '../i18n/locales.ts';
import { labelKeys, loadTables, parseTables, tableView } from './tables.ts';

const data = loadTables(ROOT);

function lookup(value: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], value);
}

describe('shared table data', () => {
  it('has the guide\'s four tables with one row per storefront', () => {
    expect(Object.keys(data.tables)).toEqual(['audience', 'campaign', 'listings', 'follow-up']);
    for (const id of Object.keys(data.tables)) {
      expect(tableView(data, id)!.rows.map((row) => row.header)).toEqual(['AppSource', 'Azure Marketplace']);
    }
  });

  it('keeps the facts of the seed: listings and lead destinations have two items each', () => {
    const listings = tableView(data, 'listings')!;
    expect(listings.rows[0]!.items).toEqual([{ key: 'item.app' }, { key: 'item.consulting-service' }]);
    const followUp = tableView(data, 'follow-up')!;
    // A brand is shown as text and never looked up for translation.
    expect(followUp.rows[1]!.items).toEqual([{ text: 'Azure Marketplace' }, { key: 'item.field-seller-crm' }]);
  });

  it('lists every label key the tables need', () => {
    const keys = labelKeys(data);
    expect(keys).toContain('caption.follow-up');
    expect(keys).toContain('column.storefront');
    expect(keys).toContain('item.in-demand-generation');
    expect(keys).not.toContain('item.azure-marketplace');
  });

  it('is fully labelled in every locale, with different words in German', () => {
    const registry = loadRegistry(ROOT);
    const labels = Object.fromEntries(registry.codes.map((code) => [code, JSON.parse(readFileSync(join(ROOT, 'content', code, 'tables.json'), 'utf8'))]));
    for (const code of registry.codes) {
      for (const key of labelKeys(data)) expect(typeof lookup(labels[code], key), `${code}: ${key}`).toBe('string');
    }
    expect(lookup(labels.de, 'column.audience')).toBe('Zielgruppe');
    expect(lookup(labels.en, 'column.audience')).toBe('Audience');
  });

  it('rejects rows that do not match the storefronts and unknown brands', () => {
    const problems = parseTables({
      brands: { a: 'A', b: 'B' },
      storefronts: ['a', 'b'],
      tables: { t: { column: 'c', rows: { b: ['x'], a: [{ brand: 'zzz' }] } } },
    });
    expect(Array.isArray(problems)).toBe(true);
    const messages = (problems as { message: string }[]).map((p) => p.message).join('\n');
    expect(messages).toMatch(/rows must be exactly the storefronts in order/);
    expect(messages).toMatch(/unknown brand "zzz"/);
  });
});
