/**
 * The components MDX pages can use, passed to every page's `<Content />`.
 * Typed against `MDX_COMPONENTS`, so a component cannot be added here without
 * the build guard and the checkers knowing its name and props.
 */
import type { MdxComponentName } from '../content/components.ts';
import Callout from './Callout.astro';
import DataTable from './DataTable.astro';
import StorefrontTable from './StorefrontTable.astro';
import H2 from './headings/H2.astro';
import H3 from './headings/H3.astro';
import H4 from './headings/H4.astro';

export const mdxComponents: Record<MdxComponentName, unknown> = { StorefrontTable, DataTable, Callout };

/** Section headings in content, which mark the sections changed in the original (see headings/SectionHeading.astro). */
export const headingComponents = { h2: H2, h3: H3, h4: H4 };
