/**
 * What a pseudo-locale build shows in the browser, measured on the live page:
 * text the site did not take from a locale file (plain ASCII letters, or text
 * outside any bracketed string), and anything wider than the viewport.
 * Runs inside the page (`page.evaluate`), so it sees what the reader sees:
 * rendered, visible text, after styles and scripts.
 */
import type { Page } from 'playwright-core';

export interface TextProblem {
  /** `hard-coded`: plain ASCII letters; `unbracketed`: pseudo text outside a `[…]` string (glued from pieces). */
  kind: 'hard-coded' | 'unbracketed';
  text: string;
  /** Where: the element's tag, class and the attribute when the text is an attribute. */
  where: string;
}

/**
 * The visible text (and accessible names, placeholders and titles) of the page
 * that is in `lang`, checked against the pseudo-locale's marks. Text inside
 * code, and the `allowed` words (brand names and do-not-translate terms), are
 * not strings to translate; text another `lang` declares (a language's own
 * name, a fallback's English content) is that language's.
 */
export function pseudoTextProblems(page: Page, lang: string, allowed: readonly string[]): Promise<TextProblem[]> {
  return page.evaluate(({ lang, allowed }) => {
    const problems: { kind: 'hard-coded' | 'unbracketed'; text: string; where: string }[] = [];
    const terms = [...allowed].sort((a, b) => b.length - a.length);
    const describe = (element: Element, attribute?: string) => `<${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? ` class="${element.className}"` : ''}>${attribute ? `[${attribute}]` : ''}`;
    const letters = (text: string) => {
      let rest = text;
      for (const term of terms) rest = rest.split(term).join(' ');
      return rest;
    };
    const inScope = (element: Element) => {
      if (element.closest('code, pre, script, style, template, noscript')) return false;
      return (element.closest('[lang]')?.getAttribute('lang') ?? '') === lang;
    };
    const visible = (element: Element) => element.checkVisibility({ opacityProperty: false, visibilityProperty: true }) && element.getClientRects().length > 0;
    /** A `[` … `]` string holds the text: the nearest ancestor whose text starts and ends with the marks. */
    // Dates come from Intl (locale data, accented in a pseudo-locale), not from a string file: they carry no brackets.
    const textOf = (element: Element) => {
      let text = element.textContent ?? '';
      for (const time of element.querySelectorAll('time')) text = text.replace(time.textContent ?? '', '');
      return text.trim();
    };
    const bracketed = (node: Node) => {
      if (node.parentElement?.closest('time')) return true;
      for (let element = node.parentElement; element && element !== document.body.parentElement; element = element.parentElement) {
        const text = textOf(element);
        if (text.startsWith('[') && text.endsWith(']')) return true;
        if (/[^\s[\]]/.test(text.replace((node.nodeValue ?? '').trim(), ''))) return false;
      }
      return false;
    };
    const check = (text: string, element: Element, attribute: string | undefined, node?: Node) => {
      const clean = text.replace(/\s+/g, ' ').trim();
      if (!clean) return;
      const rest = letters(clean);
      if (/[A-Za-z]/.test(rest)) problems.push({ kind: 'hard-coded', text: clean, where: describe(element, attribute) });
      else if (/\p{L}/u.test(rest) && !(attribute ? clean.startsWith('[') && clean.endsWith(']') : bracketed(node!))) problems.push({ kind: 'unbracketed', text: clean, where: describe(element, attribute) });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !inScope(parent) || !visible(parent)) continue;
      check(node.nodeValue ?? '', parent, undefined, node);
    }
    // Names and hints a reader meets without them being text nodes.
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
      if (!inScope(element) || !visible(element)) continue;
      for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(attribute);
        if (value) check(value, element, attribute);
      }
    }
    // Pagefind's dialog renders inside shadow roots where it has them.
    return problems;
  }, { lang, allowed: [...allowed] });
}

/** Elements reaching out of the viewport sideways (outside any scrolling or clipping box), and the page's own horizontal overflow. */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const page = document.documentElement.scrollWidth - width;
    if (page > 0) out.push(`the page scrolls sideways by ${page}px`);
    for (const element of document.body.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || (rect.right <= width + 1 && rect.left >= -1)) continue;
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      // Inside a box that scrolls or clips (a wide table's region), reaching out is that box's business.
      let clipped = false;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') { clipped = true; break; }
      }
      // Visually hidden text (1px, clipped) is for screen readers.
      if (clipped || getComputedStyle(element).clipPath === 'inset(50%)') continue;
      out.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> spans ${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}px`);
    }
    return out;
  });
}
