/**
 * The search dialog: Pagefind's Component UI, its labels in the page's language and the dialog's theme. The
 * reader script (reader.ts) loads this module when the reader first opens search (src/integrations/lazyModule.ts),
 * so a page that is only read carries none of it: before search a page is its HTML, the stylesheet and reader.ts.
 */

// Written by the search index integration after the build, so the bundler must not look for it.
const PAGEFIND_UI = '/pagefind/pagefind-component-ui.js';

interface PagefindGlobal {
  PagefindComponents: {
    getInstanceManager(): { getInstance(name: string): { setTranslations(strings: Record<string, string>): void } };
  };
}

/**
 * Builds the dialog for the locale the button names (`data-search-open`), ready to open. It searches the index
 * of the page's language, `<html lang>` (the locale's tag: on a fallback page too, as only <main> is in English).
 */
export async function searchDialog(button: HTMLElement): Promise<{ open(): void }> {
  const stylesheet = (href: string) => document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
  stylesheet('/pagefind/pagefind-component-ui.css');
  stylesheet('/search-theme.css');
  const [strings] = await Promise.all([
    fetch(`/search/${button.dataset.searchOpen}.json`).then((response) => response.json() as Promise<Record<string, string>>),
    import(/* @vite-ignore */ PAGEFIND_UI),
  ]);
  const settings = document.createElement('pagefind-config');
  settings.setAttribute('lang', document.documentElement.lang);
  settings.setAttribute('bundle-path', '/pagefind/');
  // An excerpt is the sentence around the hit (Pagefind's 30 words, centred on the match), shown whole
  // (search-theme.css lets it wrap instead of cutting it to one line).
  settings.setAttribute('excerpt-length', '30');
  document.body.append(settings);
  (window as unknown as PagefindGlobal).PagefindComponents.getInstanceManager().getInstance('default').setTranslations(strings);
  const modal = document.createElement('pagefind-modal') as HTMLElement & { open(): void };
  modal.setAttribute('reset-on-close', '');
  // Pagefind's own dialog, but one result per page: sub-results repeat the page's excerpt (a table's
  // text under each heading that holds it), so a reader saw the same words several times.
  const part = (tag: string, ...children: Element[]) => {
    const element = document.createElement(tag);
    element.append(...children);
    return element;
  };
  const results = document.createElement('pagefind-results');
  results.setAttribute('hide-sub-results', '');
  // The 50 best matches, the summary still counting all: Pagefind lists every match, and a word on most pages
  // of a large site (1,048 results at 1,000 x 2) took over a second to lay out before the first one showed.
  results.setAttribute('max-results', '50');
  // A search 150 ms after the last keystroke (as Pagefind's own search box waits), not the dialog input's 300.
  const input = document.createElement('pagefind-input');
  input.setAttribute('debounce', '150');
  modal.append(
    part('pagefind-modal-header', input),
    part('pagefind-modal-body', document.createElement('pagefind-summary'), results),
    part('pagefind-modal-footer', document.createElement('pagefind-keyboard-hints')),
  );
  document.body.append(modal);
  await customElements.whenDefined('pagefind-modal');
  // The dialog opens once its elements have rendered.
  await new Promise(requestAnimationFrame);
  return modal;
}
