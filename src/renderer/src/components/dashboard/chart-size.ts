// The bar charts' geometry, shared by the page (which sizes each chart's box before the chart library
// arrives, so nothing moves when it does) and the chart module (which draws bars of this thickness).

/** The thickness of one bar in CSS pixels: thinner when several series share a row, so a matrix stays compact. */
export function barThickness(series: number): number {
  return series === 1 ? 12 : series === 2 ? 10 : 7;
}

/** The chart's height in CSS pixels: each category a row of bars, so long Japanese labels are not squeezed. */
export function chartHeight(categories: number, series: number): number {
  const legend = series > 1 ? 28 : 0;
  return Math.max(60, categories * (series * (barThickness(series) + 1) + 10) + 28 + legend);
}
