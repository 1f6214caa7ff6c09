/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The language a page's content is written in: its locale, or the source locale on a fallback page. Components inside the content read it. */
    contentLocale?: string;
    /** On an outdated translation: the changed sections by heading id, with the localized marker and the original's section URL. */
    changedSections?: Map<string, { label: string; href: string; hreflang: string }>;
  }
}
