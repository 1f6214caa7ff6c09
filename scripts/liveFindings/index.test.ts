import { describe, expect, it } from 'vitest';
import { liveFindings } from './index.ts';
import { APP_ID } from './protocol.ts';

/** Runs the integration's config hook as Astro would for `command`, and returns the toolbar apps it added. */
function appsAddedFor(command: 'dev' | 'build' | 'preview' | 'sync') {
  const added: { id: string; entrypoint: string | URL }[] = [];
  const hook = liveFindings().hooks['astro:config:setup']!;
  // Only what the hook reads; the rest of Astro's hook parameters do not matter here.
  void hook({
    command,
    config: { root: new URL('file:///project/'), site: 'https://docs.example.com' },
    addDevToolbarApp: (app: { id: string; entrypoint: string | URL }) => added.push(app),
  } as unknown as Parameters<typeof hook>[0]);
  return added;
}

describe('liveFindings', () => {
  it('adds the findings app to the toolbar in astro dev', () => {
    const [app] = appsAddedFor('dev');
    expect(app?.id).toBe(APP_ID);
    expect(String(app?.entrypoint)).toMatch(/liveFindings\/app\.ts$/);
  });

  it('adds nothing to a production build, a preview or a sync', () => {
    expect(appsAddedFor('build')).toEqual([]);
    expect(appsAddedFor('preview')).toEqual([]);
    expect(appsAddedFor('sync')).toEqual([]);
  });
});
