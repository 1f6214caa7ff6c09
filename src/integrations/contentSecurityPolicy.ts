/**
 * Whether pages carry the Content-Security-Policy `<meta>` (src/security/csp.ts):
 * in every build, never in `astro dev`, whose own inline scripts (Vite's client,
 * the dev toolbar) the policy would block. Decided by Astro's command rather than
 * the mode, which test runners change (NODE_ENV=test).
 */
import type { AstroIntegration } from 'astro';

export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'content-security-policy',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.CSP_META': JSON.stringify(command !== 'dev') } } });
      },
    },
  };
}
