/**
 * The components MDX pages can use, passed to every page's `<Content />`.
 * Typed against `MDX_COMPONENTS`, so a component cannot be added here without
 * the build guard and the checkers knowing its name and props.
 */
import type { MdxComponentName } from '../content/components.ts';
import Callout from './Callout.astro';
import DataTable from './DataTable.astro';
import StorefrontTable from './StorefrontTable.astro';

export const mdxComponents: Record<MdxComponentName, unknown> = { StorefrontTable, DataTable, Callout };
