import type { Breakpoint, BreakpointDimension, FloatingWidgetDimensions } from '@pexip/plugin-api';

/**
 * `@pexip/plugin-api`'s breakpoints (its `breakpoints` export): the least viewport width, in CSS
 * pixels, at which each applies. Written out, not imported: the package is the plugins' side
 * and no dependency of this one.
 */
export const BREAKPOINTS: Readonly<Record<Breakpoint, number>> = Object.freeze({ xs: 0, sm: 479, md: 744, lg: 1025, xl: 2000 });

/** Viewports whose shorter side is under this are phones: `mobilePortrait` / `mobileLandscape` apply there first. */
const MOBILE_SHORT_SIDE = BREAKPOINTS.md;

/**
 * The CSS length a floating widget's width or height is at a viewport's size: the string as
 * given, or of a breakpoint map the phone entry for the viewport's orientation when it is a
 * phone's, else the widest breakpoint the viewport reaches, else the narrowest one given.
 */
export function dimensionAt(value: string | BreakpointDimension | undefined, viewport: { width: number; height: number }): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (Math.min(viewport.width, viewport.height) < MOBILE_SHORT_SIDE) {
    const phone = viewport.height >= viewport.width ? value.mobilePortrait : value.mobileLandscape;
    if (phone !== undefined) return phone;
  }
  const given = (Object.keys(BREAKPOINTS) as Breakpoint[]).filter((name) => typeof value[name] === 'string');
  const reached = given.filter((name) => viewport.width >= BREAKPOINTS[name]);
  const chosen = reached.at(-1) ?? given[0];
  return chosen === undefined ? undefined : value[chosen];
}

/** Whether the dimensions change with the viewport (a breakpoint map in either). */
export function followsViewport(dimensions: FloatingWidgetDimensions | undefined): boolean {
  return typeof dimensions?.width === 'object' || typeof dimensions?.height === 'object';
}
