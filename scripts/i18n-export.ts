/**
 * `npm run i18n:export -- <locale>`: see scripts/i18n/xliff/exportCommand.ts. This entry only
 * turns on Node's compile cache before the command's modules load (about 300:
 * the content model, Sätteri, YAML, Zod), so a run after the first reuses
 * their compiled code instead of stripping and compiling them again (about
 * 0.4 s of CPU of each run); scripts/lib/cli.ts turns it on too late for them.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./i18n/xliff/exportCommand.ts');
