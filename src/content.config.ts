/**
 * One collection for every page in every locale: `content/<locale>/<path>.mdx`.
 * Entry ids come from the content model's slug rule (`src/model/slug.ts`), so
 * the routes, the sitemap and the checkers all agree on every page's URL.
 * A shard build (`npm run build -- --shard k/n`) loads only its own sections'
 * files (src/model/shard.ts), so the bundler never sees the whole site.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from './content/frontmatter.ts';
import { registry } from './i18n/siteRegistry.ts';
import { listContent } from './model/pageFile.ts';
import { currentShard, shardGlobPatterns } from './model/shard.ts';
import { generateEntryId } from './model/slug.ts';

const shard = currentShard();
const pattern = shard ? shardGlobPatterns(listContent(process.cwd(), registry.codes).pages, registry.source.code, shard) : '*/**/*.mdx';

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern, base: './content', generateId: generateEntryId }),
    schema: frontmatterSchema,
  }),
};
