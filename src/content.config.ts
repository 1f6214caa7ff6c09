/**
 * One collection for every page in every locale: `content/<locale>/<path>.mdx`.
 * Entry ids come from the content model's slug rule (`src/model/slug.ts`), so
 * the routes, the sitemap and the checkers all agree on every page's URL.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from './content/frontmatter.ts';
import { generateEntryId } from './model/slug.ts';

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '*/**/*.mdx', base: './content', generateId: generateEntryId }),
    schema: frontmatterSchema,
  }),
};
