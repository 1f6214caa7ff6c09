/**
 * Each page file parsed once per export. The content model works out a
 * translation's status from its blocks (a `partial` page), for which it parses
 * the page and its source; the export then needs the same two pages' syntax
 * trees for their units. Given to the model as its parser (`loadSite`'s
 * `parse`), this keeps the parses of the page being exported, hands the
 * export the same ones, and lets them go when the export moves on to the next
 * page, so memory holds one page pair, never the site.
 */
import { parseMdx, type MdxResult } from '../../../src/content/mdx.ts';
import { buildOutline } from '../../../src/content/outline.ts';
import type { PageFile } from '../../../src/model/pageFile.ts';
import type { PageOutliner } from '../../../src/model/site.ts';

export class PageParses {
  readonly #held = new Map<string, { text: string; result: MdxResult }>();

  /** The file's parse: the one held, else a new one, held until `release`. */
  mdx(file: Pick<PageFile, 'file' | 'text'>): MdxResult {
    const held = this.#held.get(file.file);
    if (held && held.text === file.text) return held.result;
    const result = parseMdx(file.file, file.text);
    this.#held.set(file.file, { text: file.text, result });
    return result;
  }

  /** The content model's parser (for a translation's block coverage): the page's outline, from the held parse. */
  readonly outline: PageOutliner = (file) => {
    const result = this.mdx(file);
    return result.ok ? { outline: buildOutline(result.doc.tree) } : {};
  };

  /** Lets go of every parse held: called when the export is done with a page. */
  release(): void {
    this.#held.clear();
  }
}
