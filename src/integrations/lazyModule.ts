/**
 * A browser module that loads only when the page asks for it, with nothing added to the scripts that ask.
 *
 * `import('./x.ts')` in a page's script makes the bundler add its preload helper (1.5 KB) to that script,
 * which here would cost every page more than the lazy module saves. Instead the module is emitted as a chunk
 * of its own and the page's script imports its URL from `lazy-module:<path>` (a path from the project root)
 * and loads it with a plain `import(url)`. In `astro dev` the URL is the source file, which Vite serves.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'lazy-module:';

export function lazyModules(root: string): Plugin {
  const references = new Map<string, string>();
  let building = false;
  return {
    name: 'publisher-docs:lazy-modules',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const path = id.slice(PREFIX.length + 1);
      if (!building) return `export default ${JSON.stringify(`/${path}`)};`;
      let reference = references.get(path);
      if (reference === undefined) {
        reference = this.emitFile({ type: 'chunk', id: join(root, path) });
        references.set(path, reference);
      }
      // Rolldown's own name for the URL, not Rollup's: Astro's incremental build resolves this one when it
      // hashes a page's modules, so a changed lazy module changes the hash of the pages that load it
      // (with ROLLUP_FILE_URL_ a page kept its cached HTML, naming the script's old file).
      return `export default import.meta.ROLLDOWN_FILE_URL_${reference};`;
    },
  };
}
