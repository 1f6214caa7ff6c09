/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The language a page's content is written in: its locale, or the source locale on a fallback page. Components inside the content read it. */
    contentLocale?: string;
  }
}
