/** The content model: one place that knows pages, slugs, URLs, fallbacks and translation status. */
export { buildSite, byNavigationOrder, loadSite, normalizePagePath, type Site, type SitePage } from './site.ts';
export { entryIdOf, generateEntryId, pageUrl, slugOf, splitEntryId } from './slug.ts';
export { fingerprintsOf, isFallbackStatus, isOutdated, isStillSource, isUnreviewedMachine, unreviewedMachineSections, changesSince, sourceChanges, pageStatus, translationRecordOf, type PageStatus, type TranslationRecord } from './status.ts';
export { readFrontmatter, readLocalePages, splitFrontmatter, toPageFile, type PageFile } from './pageFile.ts';
