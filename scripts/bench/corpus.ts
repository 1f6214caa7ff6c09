/**
 * A generated site for benchmarks: N source pages the size of the lead-sharing
 * guide (headings, lists, tables, components, links, code) in sections of 20
 * (each section a folder with an index page), and their translations in M
 * locales, aligned and stamped as up to date, in a temporary folder. With
 * `buildable`, the project's code is copied beside it so it builds as a site.
 * With `partial` (the bench's `--shape`, such as 500x20), the locales after
 * German are real languages added as `npm run i18n:add` adds them (same code,
 * scripts/i18n/addLocale.ts), each translating a tenth to two fifths of the
 * pages, so most of its pages are fallbacks: a site with many locales.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceHash } from '../../src/content/sourceHash.ts';
import { addLocale, ownName } from '../i18n/addLocale.ts';

/** Pages per section folder. */
export const SECTION_SIZE = 20;

const ENGLISH =
  'lead storefront customer listing campaign follow process pipeline score offer partner contact team report value market growth'.split(
    ' ',
  );
const OTHER =
  'kunde angebot kampagne prozess vertrieb bewertung partner kontakt bericht markt wachstum zielgruppe leitfaden abschnitt'.split(' ');

function sentence(words: readonly string[], seed: number, length = 14): string {
  const picked = Array.from({ length }, (_, index) => words[(seed * 7 + index * 13) % words.length]!);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The slug of generated page `index`: `section-03/page-61`. */
export function corpusSlug(index: number): string {
  return `section-${String(Math.floor(index / SECTION_SIZE)).padStart(2, '0')}/page-${index}`;
}

function body(locale: string, index: number, pages: number, words: readonly string[], english: boolean): string {
  const next = (index + 1) % pages;
  const the = english ? 'The ' : '';
  const sections = ['overview', 'audience', 'campaigns', 'follow-up', 'next-steps'];
  const parts = sections
    .map((id, s) =>
      [
        `## ${the}${sentence(words, index + s, 3).slice(0, -1)} {/* #${id} */}`,
        '',
        `${sentence(words, index * 3 + s)} See [page ${next}](/${locale}/${corpusSlug(next)}/#overview) and \`setting-${s}\` for ${s + 2} steps.`,
        '',
        `- ${sentence(words, index + s + 1, 6)}`,
        `- ${sentence(words, index + s + 2, 6)}`,
        `- ${sentence(words, index + s + 3, 6)}`,
        '',
        s % 2 === 0 ? '<StorefrontTable table="audience" />' : `<Callout type="note">\n${sentence(words, index + s + 4)}\n</Callout>`,
        '',
        s === 2 ? '```sh\nnpm run check\n```\n' : '',
      ].join('\n'),
    )
    .join('\n');
  return `${sentence(words, index, 20)} Read the [overview](https://learn.microsoft.com/partner-center/) first.\n\n${parts}`;
}

/**
 * Languages a many-locale corpus adds after English and German, in this order (two written right to left), each with
 * words of its own: a translation must read as its language, or the content model counts it untranslated (a fallback).
 */
const PARTIAL_WORDS: Record<string, string> = {
  fr: 'client offre campagne processus vente évaluation partenaire contact rapport marché croissance public guide section équipe',
  es: 'cliente oferta campaña proceso ventas evaluación socio contacto informe mercado crecimiento público guía sección equipo',
  it: 'cliente offerta campagna processo vendite valutazione partner contatto rapporto mercato crescita pubblico guida sezione squadra',
  nl: 'klant aanbod campagne proces verkoop beoordeling partner contact rapport markt groei doelgroep handleiding sectie team',
  'pt-BR': 'cliente oferta campanha processo vendas avaliação parceiro contato relatório mercado crescimento público guia seção equipe',
  ja: '顧客 オファー キャンペーン プロセス 販売 評価 パートナー 連絡先 レポート 市場 成長 対象者 ガイド セクション チーム',
  'zh-Hans': '客户 优惠 营销活动 流程 销售 评估 合作伙伴 联系人 报告 市场 增长 受众 指南 部分 团队',
  ko: '고객 제안 캠페인 프로세스 판매 평가 파트너 연락처 보고서 시장 성장 대상 가이드 섹션 팀',
  ar: 'العميل العرض الحملة العملية المبيعات التقييم الشريك الاتصال التقرير السوق النمو الجمهور الدليل القسم الفريق',
  he: 'לקוח הצעה קמפיין תהליך מכירות הערכה שותף קשר דוח שוק צמיחה קהל מדריך סעיף צוות',
  pl: 'klient oferta kampania proces sprzedaż ocena partner kontakt raport rynek wzrost odbiorcy przewodnik sekcja zespół',
  sv: 'kund erbjudande kampanj process försäljning bedömning partner kontakt rapport marknad tillväxt målgrupp guide avsnitt team',
  tr: 'müşteri teklif kampanya süreç satış değerlendirme ortak iletişim rapor pazar büyüme kitle kılavuz bölüm ekip',
  cs: 'zákazník nabídka kampaň proces prodej hodnocení partner kontakt zpráva trh růst publikum průvodce oddíl tým',
  da: 'kunde tilbud kampagne proces salg vurdering partner kontakt rapport marked vækst målgruppe vejledning afsnit team',
  fi: 'asiakas tarjous kampanja prosessi myynti arviointi kumppani yhteystieto raportti markkina kasvu kohdeyleisö opas osio tiimi',
  nb: 'kunde tilbud kampanje prosess salg vurdering partner kontakt rapport marked vekst målgruppe veiledning avsnitt team',
  ru: 'клиент предложение кампания процесс продажи оценка партнер контакт отчет рынок рост аудитория руководство раздел команда',
};
export const PARTIAL_LOCALES = Object.keys(PARTIAL_WORDS);

/** Whether partial locale number `position` (0 for the first added) has translated the page numbered `key`: 1 to 4 pages in 10. */
function translates(position: number, key: number): boolean {
  return key % 10 < 1 + (position % 4);
}

export interface Corpus {
  root: string;
  pages: number;
  locales: string[];
}

/** Writes the corpus; `root` holds a `content/` folder like the project's. */
export function generateCorpus(
  projectRoot: string,
  pages: number,
  localeCount: number,
  options: { buildable?: boolean; partial?: boolean } = {},
): Corpus {
  const root = mkdtempSync(join(tmpdir(), 'publisher-docs-bench-'));
  const complete = options.partial ? ['en', 'de'].slice(0, localeCount) : undefined;
  if (options.partial && localeCount - 2 > PARTIAL_LOCALES.length)
    throw new Error(`A corpus with partial locales has at most ${PARTIAL_LOCALES.length + 2} locales.`);
  const locales = complete ?? [
    'en',
    ...Array.from({ length: localeCount - 1 }, (_, index) => (index === 0 ? 'de' : `x${String.fromCharCode(97 + index)}`)),
  ];
  const registry = {
    source: 'en',
    locales: locales.map((code) => ({
      code,
      name: code === 'en' ? 'English' : options.partial ? ownName(code) : `Language ${code}`,
      dir: 'ltr',
      status: 'complete',
    })),
  };
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'content/locales.json'), JSON.stringify(registry, null, 2));
  for (const file of ['tables.json', 'glossary.json']) cpSync(join(projectRoot, 'content', file), join(root, 'content', file));
  for (const locale of locales) {
    mkdirSync(join(root, 'content', locale), { recursive: true });
    for (const file of ['ui.json', 'tables.json'])
      cpSync(join(projectRoot, 'content', locale === 'en' ? 'en' : 'de', file), join(root, 'content', locale, file));
  }
  // The partial locales, each registered and given its folder by i18n:add's own code.
  const partial = new Map<string, number>();
  const words = new Map<string, readonly string[]>();
  for (const tag of options.partial ? PARTIAL_LOCALES.slice(0, localeCount - locales.length) : []) {
    const added = addLocale(root, { code: tag });
    if (added.kind !== 'added') throw new Error(`i18n:add ${tag} did not add the locale (${added.kind}).`);
    partial.set(added.entry.code, partial.size);
    words.set(added.entry.code, PARTIAL_WORDS[tag]!.split(' '));
    locales.push(added.entry.code);
  }
  /** Writes a source page and its stamped translations. */
  const write = (
    path: string,
    english: (locale: string, words: readonly string[]) => string,
    translated: (locale: string, words: readonly string[]) => string,
    title: [string, string],
    order: number,
    key: number,
  ) => {
    const source = `---\ntitle: ${title[0]}\ndescription: A generated page for the benchmark corpus site.\norder: ${order}\n---\n\n${english('en', ENGLISH)}`;
    const file = (locale: string) => join(root, 'content', locale, path);
    mkdirSync(join(file('en'), '..'), { recursive: true });
    writeFileSync(file('en'), source);
    for (const locale of locales.slice(1)) {
      const position = partial.get(locale);
      if (position !== undefined && !translates(position, key)) continue;
      mkdirSync(join(file(locale), '..'), { recursive: true });
      writeFileSync(
        file(locale),
        `---\ntitle: ${title[1]}\ndescription: Eine erzeugte Seite für den Benchmark.\norder: ${order}\ntranslation:\n  source: ${sourceHash(source)}\n  method: human\n---\n\n${translated(locale, words.get(locale) ?? OTHER)}`,
      );
    }
  };
  const home = (locale: string, words: readonly string[]) =>
    `${sentence(words, 1, 20)} Start with [page 0](/${locale}/${corpusSlug(0)}/).\n`;
  write('index.mdx', home, home, ['Home', 'Start'], 0, 0);
  for (let section = 0; section * SECTION_SIZE < pages; section++) {
    const intro = (_locale: string, words: readonly string[]) => `${sentence(words, section, 16)}\n`;
    write(
      `${corpusSlug(section * SECTION_SIZE).split('/')[0]}/index.mdx`,
      intro,
      intro,
      [`Section ${section}`, `Abschnitt ${section}`],
      section + 1,
      section * SECTION_SIZE,
    );
  }
  for (let index = 0; index < pages; index++) {
    write(
      `${corpusSlug(index)}.mdx`,
      (locale, words) => body(locale, index, pages, words, true),
      (locale, words) => body(locale, index, pages, words, false),
      [`Guide ${index}`, `Leitfaden ${index}`],
      index % SECTION_SIZE,
      index,
    );
  }
  if (options.buildable) makeBuildable(projectRoot, root);
  return { root, pages, locales };
}

/**
 * This project's code beside the corpus's content/, with each of the
 * project's packages linked in: a site to build. node_modules itself is a real
 * folder, so the corpus's caches (node_modules/.cache) are its own.
 */
function makeBuildable(projectRoot: string, root: string): void {
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts'])
    cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
    if (entry !== '.cache') symlinkSync(join(projectRoot, 'node_modules', entry), join(root, 'node_modules', entry));
  }
}

/** Rewords a sentence of one English page: the edit a writer makes (its translations become outdated, nothing breaks). */
export function editOnePage(root: string, index: number): string {
  const file = join(root, 'content/en', `${corpusSlug(index)}.mdx`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('Read the [overview]', 'Please read the [overview]'));
  return file;
}
