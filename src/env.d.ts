/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The language a page's content is written in: its locale, or the source locale on a fallback page. Components inside the content read it. */
    contentLocale?: string;
    /** Whether search indexes a shared table where this page places it (src/content/tableSearch.ts); unset: it does. */
    searchesTable?: (table: { id: string; home: string | undefined }) => boolean;
    /** Markers for section headings, by heading id: a section changed in the original since translation, or machine-translated and not reviewed; each localized, linking to the original's section. */
    sectionMarkers?: Map<string, { kind: 'changed' | 'machine'; label: string; href: string; hreflang: string }[]>;
  }
}

/** The URL of a module that loads on demand (src/integrations/lazyModule.ts). */
declare module 'lazy-module:*' {
  const url: string;
  export default url;
}
