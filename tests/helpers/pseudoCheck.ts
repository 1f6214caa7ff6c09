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
 * name, a fallback's English content) is that language's. `ignore` is a
 * selector of parts not to check (with the reason at the caller).
 */
export function pseudoTextProblems(page: Page, lang: string, allowed: readonly string[], ignore = ''): Promise<TextProblem[]> {
  return page.evaluate(
    ({ lang, allowed, ignore }) => {
      const problems: { kind: 'hard-coded' | 'unbracketed'; text: string; where: string }[] = [];
      const terms = [...allowed].sort((a, b) => b.length - a.length);
      const describe = (element: Element, attribute?: string) =>
        `<${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? ` class="${element.className}"` : ''}>${attribute ? `[${attribute}]` : ''}`;
      const letters = (text: string) => {
        let rest = text;
        for (const term of terms) rest = rest.split(term).join(' ');
        return rest;
      };
      const inScope = (element: Element) => {
        if (element.closest('code, pre, script, style, template, noscript') || (ignore && element.closest(ignore))) return false;
        return (element.closest('[lang]')?.getAttribute('lang') ?? '') === lang;
      };
      const visible = (element: Element) =>
        element.checkVisibility({ opacityProperty: false, visibilityProperty: true }) && element.getClientRects().length > 0;
      // Dates come from Intl (locale data, accented in a pseudo-locale), not from a string file: they carry no brackets.
      const textOf = (element: Element) => {
        let text = element.textContent ?? '';
        for (const time of element.querySelectorAll('time')) text = text.replace(time.textContent ?? '', '');
        return text.trim();
      };
      /** Symbols, digits and punctuation at either end (an arrow key cap, a colon) are not part of a string's marks. */
      const core = (text: string) => text.replace(/^[^\p{L}[\]]+|[^\p{L}[\]]+$/gu, '');
      /**
       * A `[` … `]` string holds the text: the text node itself, or an inline ancestor up to the nearest block
       * (a link inside a sentence), starts and ends with the marks. A string never spans blocks.
       */
      const bracketed = (node: Node) => {
        if (node.parentElement?.closest('time')) return true;
        const own = core((node.nodeValue ?? '').trim());
        if (own.startsWith('[') && own.endsWith(']')) return true;
        for (let element = node.parentElement; element; element = element.parentElement) {
          const text = core(textOf(element));
          if (text.startsWith('[') && text.endsWith(']')) return true;
          if (!getComputedStyle(element).display.startsWith('inline')) return false;
        }
        return false;
      };
      const check = (text: string, element: Element, attribute: string | undefined, node?: Node) => {
        const clean = text.replace(/\s+/g, ' ').trim();
        if (!clean) return;
        const rest = letters(clean);
        if (/[A-Za-z]/.test(rest)) problems.push({ kind: 'hard-coded', text: clean, where: describe(element, attribute) });
        else if (/\p{L}/u.test(rest) && !(attribute ? clean.startsWith('[') && clean.endsWith(']') : bracketed(node!)))
          problems.push({ kind: 'unbracketed', text: clean, where: describe(element, attribute) });
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
      return problems;
    },
    { lang, allowed: [...allowed], ignore },
  );
}

/**
 * Elements reaching out of the viewport sideways (outside any scrolling or clipping box), text a box cuts
 * off, and the page's own horizontal overflow; `ignore` is a selector of parts whose clipping is intended.
 */
export function horizontalOverflow(page: Page, ignore = ''): Promise<string[]> {
  return page.evaluate((ignore) => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const page = document.documentElement.scrollWidth - width;
    if (page > 0) out.push(`the page scrolls sideways by ${page}px`);
    for (const element of document.body.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (
        rect.width <= 1 ||
        rect.height <= 1 ||
        !element.checkVisibility({ visibilityProperty: true }) ||
        (ignore && element.closest(ignore))
      )
        continue;
      // Text a box cuts off (an ellipsis, or hidden overflow) is cut for a reader, whatever the page's width.
      const style = getComputedStyle(element);
      if (
        style.overflowX === 'hidden' &&
        element.scrollWidth > element.clientWidth + 1 &&
        (element.textContent ?? '').trim() &&
        style.clipPath !== 'inset(50%)'
      ) {
        out.push(
          `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> cuts its text off: "${(element.textContent ?? '').trim().slice(0, 60)}"`,
        );
      }
      if (rect.right <= width + 1 && rect.left >= -1) continue;
      // Inside a box that scrolls or clips (a wide table's region), reaching out is that box's business.
      let clipped = false;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') {
          clipped = true;
          break;
        }
      }
      // Visually hidden text (1px, clipped) is for screen readers.
      if (clipped || getComputedStyle(element).clipPath === 'inset(50%)') continue;
      out.push(
        `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> spans ${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}px`,
      );
    }
    return out;
  }, ignore);
}
