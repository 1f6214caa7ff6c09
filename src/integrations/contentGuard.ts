/**
 * Astro integration that runs the content guard before Astro reads a page,
 * so bad content ends the build with `file:line:col` and what to do instead
 * of a stack trace from deep inside the MDX compiler.
 *
 * In `astro dev` the same problems are logged as warnings and the server keeps
 * running, so a translator can fix them with the page open; a page the guard
 * refuses is not compiled there either (guardInDev.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { guardContent } from '../content/guard.ts';
import { formatGithub } from '../report/format/github.ts';
import { formatPretty } from '../report/format/pretty.ts';
import { CONTENT_GUARDED, tellParent } from './buildMessages.ts';
import { refuseGuardedPages } from './guardInDev.ts';
import { recordStage } from './stageTimings.ts';

/** Set to 1: stop after the guard (its report is all that is wanted). */
export const GUARD_ONLY_ENV = 'PUBLISHER_DOCS_GUARD_ONLY';

export function contentGuard(): AstroIntegration {
  return {
    name: 'content-guard',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
        const root = fileURLToPath(config.root);
        if (command === 'dev') updateConfig({ vite: { plugins: [refuseGuardedPages(root)] } });
        const start = performance.now();
        const { problems } = await guardContent(root);
        recordStage('content guard', performance.now() - start);
        if (problems.length === 0) {
          if (command === 'build') tellParent(CONTENT_GUARDED);
          // `npm run build` guards the shards after one failed, to report every problem in one run (scripts/build.ts).
          if (command === 'build' && process.env[GUARD_ONLY_ENV] === '1') process.exit(0);
          return;
        }
        // The checkers' own readable formatter: grouped by file, `file:line:col`, the rule and what to do.
        const report = formatPretty({ findings: problems, summary: undefined }, { color: false }).trimEnd();
        if (command === 'build') {
          // In GitHub Actions the same problems also become annotations on the pull request's lines.
          if (process.env.GITHUB_ACTIONS === 'true') process.stdout.write(formatGithub({ findings: problems, summary: undefined }));
          logger.error(`The content cannot be built (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${report}`);
          // Exiting here, rather than throwing, keeps Astro from printing a stack trace under the report.
          process.exit(1);
        }
        logger.warn(`Content problems (${problems.length}):\n${report}`);
      },
    },
  };
}
