// The search box: searches as you type (lightly debounced, at once when the IME commits; answers to
// older queries are dropped), `/` anywhere focuses it, ↓ moves into the results, Enter opens the
// first one, Esc clears.
import { useEffect, useRef } from 'react';
import { useApp } from '../../state/app-state';
import { focusList } from '../../state/screens';
import { clearSearch, runSearch, setSearchAllEditions, setSearchInput } from '../../state/search';
import { useEditions } from '../../state/editions';
import { SEARCH_DEBOUNCE_MS } from '../../state/search-timing';

export const SEARCH_INPUT_ID = 'search-input';

export function SearchBox() {
  const value = useApp((s) => s.searchInput);
  const allEditions = useApp((s) => s.searchAllEditions);
  const several = useEditions((s) => s.editions.status === 'ready' && s.editions.value.length > 1);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onChange = (next: string) => {
    setSearchInput(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void runSearch(next), SEARCH_DEBOUNCE_MS);
  };

  return (
    <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        計画を検索
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        className="search-input"
        placeholder="検索(/ で移動)例: 認知症、がん"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        // Text committed from the IME is a finished word: searched at once, not after the debounce.
        onCompositionEnd={(e) => {
          window.clearTimeout(timer.current);
          void runSearch(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'Enter') {
            e.preventDefault();
            window.clearTimeout(timer.current);
            // Into the results once they are shown (the list in the pane changes with them).
            void runSearch(value).then(focusList);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            window.clearTimeout(timer.current);
            if (value) clearSearch();
            else focusList();
          }
        }}
        aria-describedby="search-hint"
      />
      {several && (
        <label className="search-all-editions">
          <input type="checkbox" checked={allEditions} onChange={(e) => setSearchAllEditions(e.target.checked)} />
          すべての版を検索
        </label>
      )}
      <span id="search-hint" className="visually-hidden">
        入力すると検索します。下矢印キーで結果の一覧へ移動します。
      </span>
    </form>
  );
}
