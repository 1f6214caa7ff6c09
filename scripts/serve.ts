/**
 * `npm run preview` (and the end of `npm start`): serves `dist/` the way the
 * documented static hosts do and the link checker assumes, rather than with
 * `astro preview`, whose answers differ (no redirect to the trailing slash,
 * Astro's own 404 page instead of the locale's). The rule is
 * scripts/lib/staticServer.ts's, shared with `check:links`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, parseCli, runCommand, UsageError } from './lib/cli.ts';
import { serveStatic } from './lib/staticServer.ts';

const USAGE = `Usage: npm run preview [-- --port <n>] [--host <name>]

Serves the built site in dist/ at http://localhost:4321/ as a static host does:
/x/ is /x/index.html, /x redirects to /x/ when that page exists, and a
missing page under /de/ gets dist/de/404.html. --port 0 takes a free port.
Stop it with Ctrl-C. Build first with npm run build (npm start does both).`;

const ROOT = join(import.meta.dirname, '..');

await runCommand(USAGE, async () => {
  const { values } = parseCli(process.argv.slice(2), {
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: 'localhost' },
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    process.stderr.write('dist/ holds no built site: run `npm run build` first (or `npm start`, which builds and serves).\n');
    return EXIT.usage;
  }
  let server;
  try {
    server = await serveStatic(dist, { port, host: values.host, measure: false });
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE')
      throw new UsageError(
        `port ${port} is in use (another server, perhaps \`npm start\` in another terminal); stop it or pass --port <n>`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on host "${values.host}"`);
    throw error;
  }
  const shown = server.url.replace(/^http:\/\/(127\.0\.0\.1|\[::1\])(?=:)/, 'http://localhost');
  process.stdout.write(`Serving dist/ at ${shown}/ (Ctrl-C stops it)\n`);
  // Ctrl-C (the terminal signals the whole process group) or a TERM from a supervisor: close and leave.
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await server.close();
  return EXIT.ok;
});
