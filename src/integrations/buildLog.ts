/**
 * Astro's log, with its list of rendered routes in whole lines. Astro writes
 * each route's name without a line end and its render time later; with pages
 * rendered four at a time (astro.config.mjs) the names and times of different
 * routes interleave ("/404.html02:40:04 ├─ /robots.txt", then lone "(+24ms)"
 * lines), on a terminal and in a CI log alike. Here a route's name ends its
 * line at once; a "(cached)" or "(restored)" that follows it at once joins it;
 * a render time, which can no longer be matched to its route, is left out
 * (a warning after it, such as an empty page's, is kept). Everything else passes to
 * Astro's own terminal logger unchanged. Loaded by Astro as `logger.entrypoint`.
 */
import type { AstroLoggerDestination } from 'astro';
import nodeLogger from 'astro/logger/node';

type Message = Parameters<AstroLoggerDestination['write']>[0];

/** ANSI color codes (Astro colors the times), stripped to read a message's words. */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

export default function buildLog(config?: Parameters<typeof nodeLogger>[0]): AstroLoggerDestination {
  const terminal = nodeLogger(config);
  let pending: Message | undefined;
  const flush = () => {
    if (pending) terminal.write({ ...pending, newLine: true });
    pending = undefined;
  };
  return {
    write(message) {
      if (pending && message.label === 'SKIP_FORMAT' && /^\s*\((cached|restored)\)\s*$/.test(message.message.replace(SGR, ''))) {
        terminal.write({ ...pending, message: `${pending.message}${message.message}`, newLine: true });
        pending = undefined;
        return;
      }
      flush();
      if (!message.newLine) {
        // A route's name: held only until the next message, so a "(cached)" written right after it can join it.
        pending = message;
        queueMicrotask(flush);
        return;
      }
      if (message.label === 'SKIP_FORMAT') {
        const plain = message.message.replace(SGR, '');
        const time = /^\s*\(\+[\d.]+\s*m?s\)/.exec(plain);
        if (time) {
          // A render time: its route's line is already written. What follows it (an empty page's warning) stays.
          const rest = plain.slice(time[0].length).trim();
          if (rest) terminal.write({ ...message, message: `  ${rest}` });
          return;
        }
      }
      terminal.write(message);
    },
  };
}
