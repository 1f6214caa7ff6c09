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
 * pipeline for every document without such blocks (nearly all). It asks the
 * model about the document being compiled only: a shard of a large build
 * compiles a third of the pages, and working out every page's coverage there
 * parsed and language-checked the whole site in each shard.
 */
import type { Blockquote, List, Paragraph, Table } from 'mdast';
import type { Node } from 'unist';
import { defineMdastPlugin, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { blockTextKey } from '../content/outline.ts';
import { loadSite, type Site } from '../model/site.ts';

/** The model, read once per process: asking `loadSite` per document would list and stat every page file each time. */
let model: Site | null | undefined;

/** The blocks of a file (from the project root) still in the source language, with the source's language tag; none for most. */
function sourceLanguageBlocks(root: string, file: string): { lang: string; texts: Set<string> } | undefined {
  if (model === undefined) {
    try {
      model = loadSite(root);
    } catch {
      // A broken registry: the content guard reports it and stops the build.
      model = null;
    }
  }
  const site = model;
  if (!site) return undefined;
  const page = site.byFile(file);
  const texts = page && !page.isFallback ? page.coverage?.texts : undefined;
  return texts?.length ? { lang: site.registry.source.hreflang, texts: new Set(texts) } : undefined;
}

export function sourceLanguagePlugin(context: PluginFactoryContext): MdastPluginDefinition | null {
  if (!context.fileURL || context.fileURL.protocol !== 'file:') return null;
  const root = process.cwd();
  const file = relative(root, fileURLToPath(context.fileURL)).split('\\').join('/');
  const blocks = sourceLanguageBlocks(root, file);
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
