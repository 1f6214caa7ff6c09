/**
 * Preloaded by every command (`node --import ./scripts/lib/compileCache.mjs scripts/…`, as package.json
 * and `npm run build` start them): turns Node's compile cache on before the command's modules load.
 * Turned on from inside a command it comes too late for them: an ES module's whole import graph is
 * read, type-stripped and compiled before its first line runs, and that is most of a command's
 * start-up (check:links --help: about 1.1 s of CPU without the cache, 0.6 s with it, on this machine).
 * runCommand (cli.ts) turns it on as well, for a command started without this preload.
 *
 * JavaScript, not TypeScript, and on purpose: a TypeScript preload makes Node load its type stripper
 * (amaro, about 0.1 s) to read this file before the cache is on, and then the commands' own modules
 * are type-stripped again on every start instead of coming from the cache. check-i18n.ts --help with
 * the cache warm: 0.62 s with this file as .ts, 0.43 s as .mjs (4 runs each, this machine).
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
