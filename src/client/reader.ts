/**
 * The little JavaScript the reader gets, one cached module for every page;
 * each part only improves what already works without it:
 * - the theme switch (light, dark, system; BaseHead applies it before paint),
 * - the language links keep the reader's `#section`,
 * - disclosures (menu, language menu, "On this page") close on Escape and on a click elsewhere,
 * - the table of contents marks the section being read,
 * - the link beside a heading copies the section's address, with visible and announced feedback,
 * - search: the button and its shortcuts (Ctrl/⌘+K, "/"); the dialog's code and Pagefind load when the reader opens it.
 */
import SEARCH_DIALOG from 'lazy-module:src/client/search.ts';

const root = document.documentElement;

// Theme.
const themeSwitch = document.querySelector<HTMLElement>('.theme-switch');
const themeSelect = themeSwitch?.querySelector('select');
if (themeSwitch && themeSelect) {
  themeSelect.value = root.dataset.theme ?? 'system';
  themeSwitch.hidden = false;
  themeSelect.addEventListener('change', () => {
    const value = themeSelect.value;
    try {
      if (value === 'light' || value === 'dark') localStorage.setItem('theme', value);
      else localStorage.removeItem('theme');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    if (value === 'light' || value === 'dark') root.dataset.theme = value;
    else delete root.dataset.theme;
  });
}

// Language links keep the #section.
function syncHash(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.language-picker a')) link.hash = location.hash;
}
syncHash();
addEventListener('hashchange', syncHash);

// Disclosures.
const disclosures = [...document.querySelectorAll<HTMLDetailsElement>('details.disclosure, details.toc')];
const isCollapsible = (details: HTMLDetailsElement) => getComputedStyle(details.querySelector('summary')!).display !== 'none';
addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const details of disclosures) {
    if (!details.open || !isCollapsible(details)) continue;
    details.open = false;
    if (details.contains(document.activeElement)) details.querySelector('summary')?.focus();
  }
});
addEventListener('click', (event) => {
  const target = event.target as Element;
  for (const details of disclosures) {
    if (!details.open || !isCollapsible(details)) continue;
    // A click outside closes a menu; following a link inside the table of contents closes it too.
    if (!details.contains(target) || (details.classList.contains('toc') && target.closest('a'))) details.open = false;
  }
});

// The section being read, marked in the table of contents.
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const sections = tocLinks.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
function markCurrent(): void {
  let current = -1;
  sections.forEach((heading, index) => {
    if (heading && heading.getBoundingClientRect().top <= innerHeight * 0.3) current = index;
  });
  // At the end of the page the last sections cannot scroll up that far: the last one on screen is the one being read.
  if (innerHeight + scrollY >= root.scrollHeight - 2) {
    sections.forEach((heading, index) => {
      if (heading && heading.getBoundingClientRect().top < innerHeight) current = index;
    });
  }
  tocLinks.forEach((link, index) => {
    if (index === current) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  });
}
// Every browser that runs this module (it uses ??=, from 2021) has IntersectionObserver (2019).
if (tocLinks.length > 0) {
  const observer = new IntersectionObserver(markCurrent, { rootMargin: '0px 0px -70% 0px' });
  for (const heading of sections) if (heading) observer.observe(heading);
  addEventListener('scrollend', markCurrent);
}

// Copy a section's link.
const announcer = document.getElementById('announcer');
addEventListener('click', (event) => {
  const anchor = (event.target as Element).closest<HTMLAnchorElement>('a.heading-anchor');
  if (!anchor || !navigator.clipboard || !announcer) return;
  event.preventDefault();
  history.replaceState(null, '', anchor.hash);
  syncHash();
  navigator.clipboard.writeText(anchor.href).then(
    () => {
      const message = announcer.dataset.copied ?? '';
      anchor.dataset.feedback = message;
      announcer.textContent = message;
      setTimeout(() => {
        delete anchor.dataset.feedback;
        announcer.textContent = '';
      }, 2500);
    },
    () => {
      // No clipboard permission: behave as the plain link it is.
      location.hash = anchor.hash;
    },
  );
});

// Search: the button and its shortcuts. The dialog's code (search.ts) loads with Pagefind when the reader
// first opens it, as a module of its own (src/integrations/lazyModule.ts), so a page only read carries none of it.
const searchButton = document.querySelector<HTMLButtonElement>('[data-search-open]');
if (searchButton) {
  searchButton.hidden = false;
  if (/Mac|iPhone|iPad/.test(navigator.userAgent)) searchButton.querySelector('.search-shortcut')!.textContent = '⌘ K';
  let dialog: Promise<{ open(): void }> | undefined;
  const open = async () => {
    dialog ??= (import(/* @vite-ignore */ SEARCH_DIALOG) as Promise<typeof import('./search.ts')>).then(({ searchDialog }) =>
      searchDialog(searchButton),
    );
    (await dialog).open();
  };
  searchButton.addEventListener('click', () => void open());
  addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
    if (((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') || (event.key === '/' && !typing)) {
      event.preventDefault();
      void open();
    }
  });
}
