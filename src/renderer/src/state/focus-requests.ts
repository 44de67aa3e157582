// Focus requests ("move the focus to the list / to the item") are counters in the store. A component
// that can take the focus consumes a request once: when it is already mounted, or when it mounts
// later (an item still loading), but never again on a later re-mount.
const handled = { list: 0, item: 0 };

export function takeFocusRequest(kind: keyof typeof handled, nonce: number): boolean {
  if (nonce <= handled[kind]) return false;
  handled[kind] = nonce;
  return true;
}
