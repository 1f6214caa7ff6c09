/**
 * Marks the blocks of a partly translated page that are still in the source
 * language with the source's `lang`, so screen readers read them with the
 * right voice and search treats them right. Which blocks those are is the
 * content model's answer (`coverage` of a page: src/translation/untranslated.ts),
 * the same the reader's notice, `check:i18n` and the status views give; the
 * plugin finds each by its visible text (`blockTextKey`), which line breaks
 * and the frontmatter do not move.
 *
 * A Sätteri plugin factory: it is called once per document and leaves the
 * pipeline for every document without such blocks (nearly all). The index of
 * files is built once per process from the model.
 */
import type { Blockquote, List, Paragraph, Table } from 'mdast';
import type { Node } from 'unist';
import { defineMdastPlugin, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { blockTextKey } from '../content/outline.ts';
import { loadSite } from '../model/site.ts';

let index: Map<string, { lang: string; texts: Set<string> }> | undefined;

/** Files (from the project root) with blocks still in the source language, with the source's language tag. */
function sourceLanguageBlocks(root: string): Map<string, { lang: string; texts: Set<string> }> {
  if (index) return index;
  index = new Map();
  try {
    const site = loadSite(root);
    for (const page of site.pages) {
      const texts = page.ownFile && !page.isFallback ? page.coverage?.texts : undefined;
      if (texts?.length) index.set(page.ownFile!, { lang: site.registry.source.hreflang, texts: new Set(texts) });
    }
  } catch {
    // A broken registry: the content guard reports it and stops the build.
  }
  return index;
}

export function sourceLanguagePlugin(context: PluginFactoryContext): MdastPluginDefinition | null {
  if (!context.fileURL || context.fileURL.protocol !== 'file:') return null;
  const root = process.cwd();
  const file = relative(root, fileURLToPath(context.fileURL)).split('\\').join('/');
  const blocks = sourceLanguageBlocks(root).get(file);
  if (!blocks) return null;
  const mark = (
    node: Readonly<Paragraph | List | Table | Blockquote>,
    ctx: { setProperty: (node: never, key: 'data', value: unknown) => void },
  ) => {
    if (!blocks.texts.has(blockTextKey(node as unknown as Node))) return;
    const data = (node.data ?? {}) as { hProperties?: Record<string, unknown> };
    ctx.setProperty(node as never, 'data', { ...data, hProperties: { ...data.hProperties, lang: blocks.lang } });
  };
  return defineMdastPlugin({ name: 'publisher-docs:source-language-blocks', paragraph: mark, list: mark, table: mark, blockquote: mark });
}
