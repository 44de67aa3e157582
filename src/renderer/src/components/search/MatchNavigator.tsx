// The search's matches inside the opened item: every matched word is highlighted, and a small widget
// (「一致 n / M」 with ↑ ↓ buttons; keys n / Shift+N or F3 / Shift+F3, or ↑ ↓ on the widget) moves
// between them. The words come from the search hits of this item, so a search by reading
// (にんちしょう) highlights 認知症 as the list marked it.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useApp } from '../../state/app-state';
import { findRanges } from './match-ranges';

const SKIP = '.match-nav, .breadcrumb, .visually-hidden';
const ALL = 'search-match';
const CURRENT = 'search-current';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function useMatchedWords(itemKey: string): string[] {
  const hits = useApp((s) => s.search.hits);
  return useMemo(() => {
    const words = new Set<string>();
    for (const h of hits) if (h.kind === 'item' && h.key === itemKey) for (const m of h.marks) words.add(h.snippet.slice(m.start, m.end));
    return [...words].sort((a, b) => b.length - a.length);
  }, [hits, itemKey]);
}

export function MatchNavigator({ itemKey }: { itemKey: string }) {
  const words = useMatchedWords(itemKey);
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(-1);
  const currentRef = useRef(-1);
  const anchor = useRef<HTMLDivElement>(null);

  // Find the words in the item as rendered, and again whenever its content changes (tab, edits).
  useEffect(() => {
    const article = anchor.current?.closest('.item-view');
    if (!article || words.length === 0 || typeof CSS === 'undefined' || !('highlights' in CSS)) {
      setRanges([]);
      return;
    }
    let timer = 0;
    // Other words (a new search, another item): start before the first match again.
    currentRef.current = -1;
    const scan = () => {
      const found = findRanges(article, words, SKIP);
      setRanges(found);
      CSS.highlights.set(ALL, new Highlight(...found));
      // Content that arrives after the item (badges, related items, notes) changes the DOM but not
      // the matches: the place the user moved to is kept while it still exists.
      const kept = currentRef.current >= 0 && currentRef.current < found.length ? currentRef.current : -1;
      setCurrent(kept);
      currentRef.current = kept;
      if (kept >= 0) CSS.highlights.set(CURRENT, new Highlight(found[kept]!));
      else CSS.highlights.delete(CURRENT);
    };
    scan();
    const observer = new MutationObserver((records) => {
      // The widget's own count changes as the user moves: that is not a change of the item.
      const outside = records.some((r) => !(r.target instanceof Element ? r.target : r.target.parentElement)?.closest('.match-nav'));
      if (!outside) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(scan, 50);
    });
    observer.observe(article, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
      CSS.highlights.delete(ALL);
      CSS.highlights.delete(CURRENT);
    };
  }, [words]);

  const go = (step: 1 | -1) => {
    if (ranges.length === 0) return;
    const next = current < 0 ? (step === 1 ? 0 : ranges.length - 1) : (current + step + ranges.length) % ranges.length;
    setCurrent(next);
    currentRef.current = next;
    const range = ranges[next]!;
    CSS.highlights.set(CURRENT, new Highlight(range));
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  };
  const goRef = useRef(go);
  useEffect(() => {
    goRef.current = go;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return;
      if (e.key === 'F3' || e.key === 'n' || e.key === 'N') {
        e.preventDefault();
        goRef.current(e.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onWidgetKey = (e: ReactKeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    go(e.key === 'ArrowDown' ? 1 : -1);
  };

  if (ranges.length === 0) return <div ref={anchor} className="match-nav" hidden />;
  return (
    <div ref={anchor} className="match-nav" role="group" aria-label="検索語の一致箇所" onKeyDown={onWidgetKey}>
      <span className="match-nav-count" aria-live="polite">
        一致 {current < 0 ? '-' : current + 1} / {ranges.length}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="前の一致箇所(Shift+N)"
        title="前の一致箇所(Shift+N / Shift+F3)"
        onClick={() => go(-1)}
      >
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="次の一致箇所(N)" title="次の一致箇所(N / F3)" onClick={() => go(1)}>
        ↓
      </button>
    </div>
  );
}
