/** Built pages as syntax trees, queried with CSS selectors: a real HTML parser, never regular expressions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export interface Page {
  tree: Root;
  one(selector: string): Element | undefined;
  all(selector: string): Element[];
  attr(selector: string, name: string): string | undefined;
  text(selector: string): string;
}

export function readPage(dist: string, path: string): Page {
  const tree = fromHtml(readFileSync(join(dist, path), 'utf8'));
  const one = (selector: string) => select(selector, tree) ?? undefined;
  return {
    tree,
    one,
    all: (selector) => selectAll(selector, tree),
    attr: (selector, name) => {
      const value = one(selector)?.properties[name];
      return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? undefined : String(value);
    },
    text: (selector) => {
      const element = one(selector);
      return element ? toString(element).trim() : '';
    },
  };
}

export const textOf = (element: Element | undefined) => (element ? toString(element).trim() : '');
