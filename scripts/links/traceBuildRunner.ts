/**
 * Child process of traceBuild.ts: `astro build` of a project (its own
 * config, integrations and content) into another folder, with its own
 * cache folder, and with a Vite plugin that loads every `.astro` file of the
 * project stamped (templates.ts).
 * Usage: node traceBuildRunner.ts <root> <outDir>
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'astro';
import { stampTemplate } from './templates.ts';

const [root, outDir] = process.argv.slice(2);
if (!root || !outDir) {
  process.stderr.write('Usage: node traceBuildRunner.ts <root> <outDir>\n');
  process.exit(2);
}

const stampLinks = {
  name: 'link-sources',
  enforce: 'pre' as const,
  load(id: string) {
    if (!id.endsWith('.astro') || id.includes('?')) return null;
    const file = relative(root, id).split(sep).join('/');
    if (file.startsWith('..') || !file.startsWith('src/')) return null;
    return stampTemplate(file, readFileSync(id, 'utf8'));
  },
};

try {
  // Its own cache folder: the stamped pages must never enter the incremental-build cache of the real builds.
  await build({ root, outDir, cacheDir: join(dirname(outDir), 'cache'), logLevel: 'error', vite: { plugins: [stampLinks] } });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
