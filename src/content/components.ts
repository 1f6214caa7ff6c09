/**
 * The components an MDX page may use, by name, with the props that carry
 * structure (not text). Pages never import components: the page route passes
 * them in, so a translator's file has no import paths to keep right.
 *
 * This list is plain data so the build guard and the checkers (which run in
 * Node, without Astro) can validate pages against it; `src/components/mdx.ts`
 * maps each name to its Astro component and the type system keeps the two in step.
 */
export const MDX_COMPONENTS = {
  /** A storefront table from `content/tables.json`: `<StorefrontTable table="audience" />`. */
  StorefrontTable: { required: ['table'], allowed: ['table'] },
  /** Any shared table from `content/tables.json`, such as a data table: `<DataTable table="destinations" />`. */
  DataTable: { required: ['table'], allowed: ['table'] },
  /** A highlighted aside: `<Callout type="note">…</Callout>` (`note`, `tip` or `caution`). */
  Callout: { required: ['type'], allowed: ['type'] },
} as const satisfies Record<string, { required: readonly string[]; allowed: readonly string[] }>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;

export const CALLOUT_TYPES = ['note', 'tip', 'caution'] as const;

export function isMdxComponent(name: string): name is MdxComponentName {
  return Object.hasOwn(MDX_COMPONENTS, name);
}
