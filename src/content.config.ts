/**
 * One collection for every page in every locale: `content/<locale>/<slug>.mdx`.
 * The entry id is `<locale>/<slug>`; `src/content/pages.ts` turns it into routes.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from './content/frontmatter.ts';

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '*/**/*.mdx', base: './content' }),
    schema: frontmatterSchema,
  }),
};
