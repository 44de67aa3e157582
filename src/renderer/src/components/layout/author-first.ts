// Who is editing is asked before the first change begins (編集, メモを追加), not in the middle of a
// save; several people share one PC, so the names used here are offered again (recentAuthors).
import { ensureAuthor } from '../../state/author';

const RECENT_KEY = 'council-desk.recent-authors';
const RECENT_MAX = 6;

/** Run `begin` once an author is set, asking for the name first when none is; nothing when cancelled. */
export async function withAuthor(begin: () => void): Promise<void> {
  if (await ensureAuthor()) begin();
}

/** The names used on this PC, most recent first. */
export function recentAuthors(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((n): n is string => typeof n === 'string' && n.trim() !== '').slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

export function rememberAuthor(name: string): void {
  const names = [name, ...recentAuthors().filter((n) => n !== name)].slice(0, RECENT_MAX);
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(names));
  } catch {
    // Storage disabled: the list is only a convenience.
  }
}
