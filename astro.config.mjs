// @ts-check
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { ContentError } from './src/report/finding.ts';
import { isIndexed, loadRegistry } from './src/i18n/locales.ts';
import { currentShard, ownsSiteWidePages } from './src/model/shard.ts';
import { loadSite } from './src/model/site.ts';
import { contentGuard } from './src/integrations/contentGuard.ts';
import { contentSecurityPolicy } from './src/integrations/contentSecurityPolicy.ts';
import { liveFindings } from './scripts/liveFindings/index.ts';
import { notFoundPages } from './src/integrations/notFoundPages.ts';
import { searchIndex } from './src/integrations/searchIndex.ts';
import { lazyModules } from './src/integrations/lazyModule.ts';
import { headingAnchorsPlugin } from './src/markdown/headingAnchorsPlugin.ts';
import { headingIdsPlugin } from './src/markdown/headingIdsPlugin.ts';
import { sourceLanguagePlugin } from './src/markdown/sourceLanguagePlugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
// Node keeps the compiled code of what loads from here on (the built pages' modules, the language
// detector's database) in its cache folder, so the next build starts faster and uses less memory.
enableCompileCache();

/** Locales come from content/locales.json. If it is broken, build with the source alone: the content guard reports what is wrong, with its line. */
function readLocales() {
  try {
    const registry = loadRegistry(root);
    const indexed = registry.locales.filter(isIndexed);
    return {
      source: registry.source.code,
      codes: [...registry.codes],
      // The sitemap's alternates: pseudo-locales (npm run i18n:pseudo) are for testing, never for search engines.
      hreflang: Object.fromEntries(indexed.map((l) => [l.code, l.hreflang])),
      unindexed: registry.locales.filter((l) => !isIndexed(l)).map((l) => `/${l.code}/`),
      fallbacks: new Set(
        loadSite(root, registry)
          .pages.filter((page) => page.isFallback)
          .map((page) => page.url),
      ),
      // Every page of the model, so the sitemap lists the whole site even when a shard renders part of it.
      pages: loadSite(root, registry).pages.map((page) => page.url),
    };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { source: 'en', codes: ['en'], hreflang: { en: 'en' }, unindexed: [], fallbacks: new Set(), pages: [] };
  }
}
const locales = readLocales();
// `npm run build -- --shard k/n` (src/model/shard.ts): the shard's pages only, with caches of its own.
const shard = currentShard();
const siteUrl = process.env.SITE_URL ?? 'https://publishers.example.com';

export default defineConfig({
  // The public address, for canonical URLs, hreflang and the sitemap. Set SITE_URL when deploying elsewhere.
  site: siteUrl,
  // Each shard keeps its own content store and incremental-build cache: shards built one after another in one
  // folder would otherwise each throw away the last one's, and a CI runner restores exactly its shard's.
  ...(shard ? { cacheDir: `./node_modules/.astro-shard-${shard.index}-of-${shard.count}` } : {}),
  trailingSlash: 'always',
  // Astro's terminal log, with the list of rendered routes in whole lines (see there).
  logger: { entrypoint: './src/integrations/buildLog.ts' },
  // Pages are rendered four at a time: while one waits on its file being written, another renders
  // (about 10% off the whole build at 1,000 pages per locale, for a few MB).
  build: { concurrency: 4 },
  // Pages whose key (src/model/renderKey.ts), content and code are unchanged are copied from the last
  // build (cached in node_modules/.astro) instead of rendered again.
  experimental: { incrementalBuild: true },
  i18n: {
    defaultLocale: locales.source,
    locales: locales.codes,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // Astro 7's Rust processor (Sätteri) compiles MDX about three times faster than unified; the
    // heading-id rule the checkers apply with remark (src/markdown/headingIds.ts) runs here as a
    // Sätteri plugin, so the site and the checkers give every heading the same id.
    // No typographic quotes: the checkers compare the text as written.
    // Loaded before the first page renders: pages render concurrently, and a grammar that embeds others (html
    // embeds css and javascript) loaded on demand by one page highlighted another page's block before its
    // embedded grammars were there (the same block came out with fewer tokens on one page of four).
    // Shiki loads bundled grammars by name; Astro's type only names custom grammar objects.
    shikiConfig: { langs: /** @type {any[]} */ (['html', 'css', 'javascript', 'json']) },
    processor: satteri({
      mdastPlugins: [headingIdsPlugin, sourceLanguagePlugin],
      hastPlugins: [headingAnchorsPlugin],
      features: { smartPunctuation: false },
    }),
  },
  vite: {
    // The search dialog's code loads when the reader opens search, not with every page (src/client/search.ts).
    plugins: [lazyModules(root)],
    build: {
      // The reader module stays a file of its own, never inlined into each page: one cached download for every
      // page, and allowed by the Content-Security-Policy as 'self' (src/security/csp.ts), with no hash to keep.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: {
        // Astro's MDX output starts with its own "use astro:head-inject" directive, which the bundler
        // warns about once per page although Astro handles it; that noise would hide real warnings.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              // A component's <script> is bundled under the component's name plus Astro's suffix for it
              // ("SiteHeader.astro_astro_type_script_index_0_lang"), and every page repeats that name in its
              // <script src>: without the suffix (_astro/SiteHeader.<hash>.js) each page is 37 bytes lighter.
              // Other entries (the lazily loaded search module) keep Astro's pattern, `<assets>/<name>.<hash>.js`.
              entryFileNames: (chunk) => `_astro/${chunk.name.replace(/\.astro_astro_type_script_index_\d+_lang$/, '')}.[hash].js`,
            },
          },
        },
      },
    },
  },
  integrations: [
    contentGuard(),
    contentSecurityPolicy(),
    // npm run dev only: the dev toolbar lists the checks' findings for the page on screen.
    liveFindings(),
    mdx(),
    // The sitemap lists the whole model's pages, so shard 1, which keeps it (src/model/shard.ts), writes it alone.
    ...(ownsSiteWidePages(shard)
      ? [
          sitemap({
            i18n: { defaultLocale: locales.source, locales: locales.hreflang },
            // The model's pages, rendered here or not (a shard renders some); the filter below leaves out the same ones either way.
            customPages: locales.pages.map((url) => new URL(url, siteUrl).href),
            // Fallback pages are noindex copies of the source, 404 pages are not content, pseudo-locales are tests, and the root
            // language chooser is every page's x-default (listing it would make it an alternate of /en/).
            filter: (page) => {
              const path = new URL(page).pathname;
              // The translation dashboard is for translators, not readers.
              return (
                path !== '/' &&
                !locales.fallbacks.has(path) &&
                !locales.unindexed.some((prefix) => path.startsWith(prefix)) &&
                !/\/404(\/|\.html)?$/.test(path) &&
                !path.startsWith('/translations/')
              );
            },
          }),
        ]
      : []),
    notFoundPages(locales.codes),
    // Last: when it starts, every page is in dist/, so `npm run build` starts the link check beside Pagefind.
    searchIndex(locales.codes),
  ],
});
