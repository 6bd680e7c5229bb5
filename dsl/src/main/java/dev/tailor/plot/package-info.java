/**
 * Plots of results, as immutable values that know their numbers ({@code labels()}, {@code values()}, bounds) and
 * render to XChart charts, PNG, SVG and HTML without a display. Plots consume result objects such as
 * {@link dev.tailor.estimate.EffectTable}, never estimators.
 */
package dev.tailor.plot;
