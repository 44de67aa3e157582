// The comparison of each item (src/shared/compare), computed once per item version and kept while
// the item is: items fetched ahead of time get theirs computed when the page is idle, so opening one
// renders at once.
import { compareItem, type Comparison } from '../../../shared/compare';
import type { Item } from '../../../shared/domain';

const cache = new WeakMap<Item, Comparison>();

export function comparisonOf(item: Item): Comparison {
  let c = cache.get(item);
  if (!c) {
    c = compareItem(item.actions, item.future);
    cache.set(item, c);
  }
  return c;
}

const queue: Item[] = [];
let scheduled = false;

function drain(deadline: IdleDeadline): void {
  // One comparison can take a few milliseconds: start one only with room left in the idle period.
  while (queue.length > 0 && deadline.timeRemaining() > 12) comparisonOf(queue.shift()!);
  scheduled = queue.length > 0;
  if (scheduled) requestIdleCallback(drain);
}

/** Compute an item's comparison when the page has nothing else to do. */
export function warmComparison(item: Item): void {
  if (cache.has(item)) return;
  queue.push(item);
  if (!scheduled && typeof requestIdleCallback === 'function') {
    scheduled = true;
    requestIdleCallback(drain);
  }
}
