/**
 * Astro integration: in `npm run dev`, a dev-toolbar app that lists the
 * findings of `check:i18n` and of the link check's source pass for the page on
 * screen, and lists them again after every save under `content/`.
 *
 * It registers the app only when Astro serves for development, so a production
 * build contains nothing of it (tests/build.test.ts checks that dist/ has no
 * trace of it). The checks run in the dev server's process (checks.ts), the
 * browser side (app.ts) asks over Vite's websocket through the toolbar's
 * server helpers.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { liveChecks } from './checks.ts';
import { APP_ID, EVENTS, type FindingsRequest } from './protocol.ts';

/** A magnifier over a page with a check mark: "what the checks say about this page". */
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h5"/><path d="M14 3v5h5"/><path d="M19 8v2"/><circle cx="16.5" cy="16.5" r="3.5"/><path d="m19 19 2.5 2.5"/><path d="M7.5 12l1.5 1.5 3-3"/></svg>';

export function liveFindings(): AstroIntegration {
  let root = '';
  let siteOrigin = 'https://publishers.example.com';
  return {
    name: 'live-findings',
    hooks: {
      'astro:config:setup': ({ command, config, addDevToolbarApp }) => {
        if (command !== 'dev') return;
        root = fileURLToPath(config.root);
        if (config.site) siteOrigin = config.site;
        addDevToolbarApp({
          id: APP_ID,
          name: 'Translation and link findings',
          icon: ICON,
          entrypoint: new URL('./app.ts', import.meta.url),
        });
      },
      'astro:server:setup': ({ server, toolbar, logger }) => {
        if (!root) return;
        const checks = liveChecks(root, siteOrigin, (state) => {
          if (!state.ok) logger.warn(state.message);
          toolbar.send(EVENTS.updated, {});
        });
        // Start now, so the first page's findings are ready when its toolbar asks.
        void checks.current();
        server.watcher.add(`${root}content`);
        server.watcher.on('all', (_event, path) => {
          const file = relative(root, path).split(sep).join('/');
          if (!file.startsWith('..')) checks.changed(file);
        });
        toolbar.on<FindingsRequest>(EVENTS.request, (request) => {
          if (typeof request?.url !== 'string' || !request.url.startsWith('/') || request.url.length > 2048) return;
          void checks.forUrl(request.url).then((findings) => toolbar.send(EVENTS.result, findings));
        });
      },
    },
  };
}
