/**
 * `npm run bench -- --only starlight`: the same generated site built by this
 * project and by Starlight, alternately, so both meet the same machine load.
 *
 * Starlight is not a dependency of the project: the bench installs a pinned
 * version once into `node_modules/.cache/publisher-docs/starlight-<version>/`
 * (from the npm registry) and builds a Starlight project made from the corpus:
 * the same MDX files under `src/content/docs/<locale>/`, the same locales
 * (Starlight renders a fallback page for each missing translation, as we
 * do), Starlight's Aside for our callouts and a table component as small as
 * ours. Starlight's build is `astro build` with its Pagefind index; ours is
 * the whole `npm run build`, both checks included.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { listContent, pageFilePath, splitFrontmatter } from '../../src/model/pageFile.ts';
import { expectExit, measure, type Measured } from './measure.ts';

export const STARLIGHT_VERSION = '0.42.4';

/** The version of a package this project has installed. */
function ourVersion(projectRoot: string, name: string): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The packages of the Starlight site: Starlight, with this project's Astro and Vite, so both builds
 * run the same engine and only the site on top differs. Vite's crawl of `dependencies` is what tells
 * it to bundle Starlight's modules for the server, so the site's package.json names them too.
 */
function starlightPackages(projectRoot: string) {
  return {
    dependencies: { '@astrojs/starlight': STARLIGHT_VERSION, astro: ourVersion(projectRoot, 'astro') },
    overrides: { vite: ourVersion(projectRoot, 'vite') },
  };
}

/** The folder Starlight is installed in (once per set of versions, then reused). */
function installStarlight(projectRoot: string): string {
  const packages = starlightPackages(projectRoot);
  const folder = join(
    projectRoot,
    'node_modules/.cache/publisher-docs',
    `starlight-${STARLIGHT_VERSION}-astro-${packages.dependencies.astro}-vite-${packages.overrides.vite}`,
  );
  if (existsSync(join(folder, 'node_modules/@astrojs/starlight/package.json'))) return folder;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'starlight-bench', private: true, type: 'module', ...packages }));
  console.log(`  installing @astrojs/starlight@${STARLIGHT_VERSION} into ${relative(projectRoot, folder)} (once)`);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: folder, encoding: 'utf8' });
  if (npm.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(
      `npm install @astrojs/starlight@${STARLIGHT_VERSION} failed (the Starlight comparison needs the npm registry):\n${npm.stderr}`,
    );
  }
  return folder;
}

/** The callout and table components the corpus's pages use, as a Starlight site would write them. */
const COMPONENTS = `import { Aside } from '@astrojs/starlight/components';
import StorefrontTable from './StorefrontTable.astro';
export const Callout = Aside;
export { StorefrontTable };
`;

/** A table from the shared data, like ours: a caption, a header row and one row per storefront. */
function tableComponent(tablesJson: string): string {
  return `---
const data = ${tablesJson};
const table = data.tables[Astro.props.table];
const rows = Object.entries(table?.rows ?? {});
---
<table>
  <caption>{Astro.props.table}</caption>
  <thead><tr><th scope="col">Storefront</th><th scope="col">{table?.column}</th></tr></thead>
  <tbody>{rows.map(([storefront, values]) => <tr><th scope="row">{data.brands[storefront] ?? storefront}</th><td>{values.join(', ')}</td></tr>)}</tbody>
</table>
`;
}

/** Writes a Starlight project for the corpus at `corpusRoot` into `<corpusRoot>-starlight` (beside it, so neither build sees the other); returns its folder. */
export function starlightProject(projectRoot: string, corpusRoot: string): string {
  const installed = installStarlight(projectRoot);
  const site = `${corpusRoot}-starlight`;
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'src/components'), { recursive: true });
  // Hard links, not a symbolic link: Vite resolves Starlight's components by their real path, which must lie inside the site.
  const linked = spawnSync('cp', ['-al', join(installed, 'node_modules'), join(site, 'node_modules')]);
  if (linked.status !== 0) cpSync(join(installed, 'node_modules'), join(site, 'node_modules'), { recursive: true });
  writeFileSync(
    join(site, 'package.json'),
    JSON.stringify({ name: 'starlight-corpus', private: true, type: 'module', ...starlightPackages(projectRoot) }),
  );
  const registry = loadRegistry(corpusRoot);
  const locales = Object.fromEntries(
    registry.locales.map((locale) => [locale.code, { label: locale.name, lang: locale.hreflang, dir: locale.dir }]),
  );
  writeFileSync(
    join(site, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  site: 'https://publishers.example.com',
  // Removed before each measured build, so each starts cold.
  cacheDir: './.astro-cache',
  integrations: [starlight({ title: 'Bench', defaultLocale: ${JSON.stringify(registry.source.code)}, locales: ${JSON.stringify(locales)} })],
});
`,
  );
  writeFileSync(
    join(site, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(
    join(site, 'src/components/StorefrontTable.astro'),
    tableComponent(readFileSync(join(corpusRoot, 'content/tables.json'), 'utf8')),
  );
  writeFileSync(join(site, 'src/components/index.ts'), COMPONENTS);
  // Each page imports the components after its frontmatter, as a Starlight author writes it.
  for (const [locale, paths] of listContent(corpusRoot, registry.codes).pages) {
    for (const path of paths) {
      const target = join(site, 'src/content/docs', locale, path);
      mkdirSync(join(target, '..'), { recursive: true });
      const { yaml, body } = splitFrontmatter(readFileSync(join(corpusRoot, pageFilePath(locale, path)), 'utf8'));
      const components = `${'../'.repeat(path.split('/').length + 2)}components/index.ts`;
      writeFileSync(target, `---\n${yaml ?? ''}\n---\n\nimport { Callout, StorefrontTable } from '${components}';\n\n${body}`);
    }
  }
  cpSync(join(projectRoot, 'public'), join(site, 'public'), { recursive: true });
  return site;
}

/** Starlight's `astro build` of the project `starlightProject` wrote (fresh: its caches removed first). */
export function buildStarlight(site: string): Measured {
  rmSync(join(site, 'dist'), { recursive: true, force: true });
  rmSync(join(site, '.astro'), { recursive: true, force: true });
  rmSync(join(site, '.astro-cache'), { recursive: true, force: true });
  return expectExit(
    'Starlight astro build',
    measure(process.execPath, [join(site, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: site }),
  );
}
