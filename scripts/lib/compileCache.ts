/**
 * Preloaded by every command (`node --import ./scripts/lib/compileCache.ts scripts/…`, as package.json
 * and `npm run build` start them): turns Node's compile cache on before the command's modules load.
 * Turned on from inside a command it comes too late for them: an ES module's whole import graph is
 * read, type-stripped and compiled before its first line runs, and that is most of a command's
 * start-up (check:links --help: about 1.1 s of CPU without the cache, 0.6 s with it, on this machine).
 * runCommand (cli.ts) turns it on as well, for a command started without this preload.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
