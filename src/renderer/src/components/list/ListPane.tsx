// The middle pane: the filtered item list, or the ranked search hits when a query is typed, with the
// count of what matches and the loading / empty / error states.
import { useMemo } from 'react';
import type { SearchHit } from '../../../../shared/api';
import type { ItemSummary } from '../../../../shared/domain';
import { hasFilters, matchesFilters, type Filters } from '../../state/filters';
import { useApp } from '../../state/app-state';
import { prefetchItem, prefetchItems } from '../../state/item-cache';
import { openSection } from '../../state/outline';
import { selectSections, selectShownFiscalYear } from '../../state/plan-selectors';
import { dropItemFocusRequest, openItem } from '../../state/screens';
import { SEARCH_LIMIT, clearSearch } from '../../state/search';
import { showEdition } from '../../state/shown-edition';
import { useFacets } from '../../state/facets';
import { StatusMessage } from '../common/StatusMessage';
import { DidYouMean } from '../search/DidYouMean';
import { HIT_ROW_HEIGHT, SearchHitRow } from '../search/SearchHitRow';
import { ITEM_ROW_HEIGHT, ItemRow } from './ItemRow';
import { VirtualListbox } from './VirtualListbox';

const hitKey = (h: SearchHit) => `${h.edition ?? ''}${h.kind === 'item' ? 'i' : 's'}${h.key}-${h.field}-${h.ord}`;

/** Section hits survive a section filter that contains them, and no other filter. */
function sectionHitMatches(h: SearchHit, f: Filters): boolean {
  if (f.ministry || f.lead || f.area !== null || f.pj !== null) return false;
  return f.section === null || h.key === f.section || h.key.startsWith(`${f.section}-`);
}

export function ListPane() {
  const items = useApp((s) => s.items);
  const filters = useApp((s) => s.filters);
  const search = useApp((s) => s.search);
  const selectedKey = useApp((s) => s.selectedKey);
  const sections = useApp(selectSections);
  const focusNonce = useApp((s) => s.focusListNonce);
  const shownYear = useApp(selectShownFiscalYear);
  /** A hit in another edition than the one shown (searching every edition): the list's filters do not apply to it. */
  const elsewhere = (h: SearchHit) => h.edition !== undefined && h.edition !== shownYear;

  const facets = useFacets((s) => s.facets);
  const filtered = useMemo(() => items.filter((it) => matchesFilters(it, filters, facets)), [items, filters, facets]);
  const byKey = useMemo(() => new Map<string, ItemSummary>(items.map((it) => [it.key, it])), [items]);
  const filteredKeys = useMemo(() => new Set(filtered.map((it) => it.key)), [filtered]);
  const hits = useMemo(
    () => search.hits.filter((h) => elsewhere(h) || (h.kind === 'item' ? filteredKeys.has(h.key) : sectionHitMatches(h, filters))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- elsewhere reads shownYear
    [search.hits, filteredKeys, filters, shownYear],
  );

  if (search.query) {
    const truncated = search.hits.length >= SEARCH_LIMIT;
    return (
      <>
        <p className="list-count" role="status">
          「{search.query}」の検索結果 {hits.length} 件{truncated ? `(上位${SEARCH_LIMIT}件まで)` : ''}
          {hits.length !== search.hits.length && `(絞り込み前 ${search.hits.length} 件)`}
          {search.status === 'loading' && <span className="list-busy">検索中…</span>}
        </p>
        {search.status === 'error' ? (
          <StatusMessage kind="error">{search.error}</StatusMessage>
        ) : hits.length === 0 ? (
          <StatusMessage
            kind="empty"
            action={search.status === 'ready' && search.suggestion ? <DidYouMean suggestion={search.suggestion} /> : undefined}
          >
            {search.status === 'loading'
              ? '検索しています…'
              : `「${search.query}」に一致する箇所はありません。${hasFilters(filters) ? '絞り込み条件も確認してください。' : ''}`}
          </StatusMessage>
        ) : (
          <VirtualListbox
            rows={hits}
            rowKey={hitKey}
            rowHeight={HIT_ROW_HEIGHT}
            label="検索結果"
            idPrefix="hit"
            selectedKey={null}
            focusNonce={focusNonce}
            renderRow={(h) => <SearchHitRow hit={h} item={byKey.get(h.key)} section={sections.find((s) => s.id === h.key)} />}
            onActiveChange={(h) => {
              dropItemFocusRequest();
              if (h.kind === 'item' && !elsewhere(h)) prefetchItem(h.key);
            }}
            onRowsInView={(shown) => prefetchItems(shown.filter((h) => h.kind === 'item' && !elsewhere(h)).map((h) => h.key))}
            onOpen={(h) =>
              elsewhere(h)
                ? void showEdition(h.edition!, h.kind === 'item' ? h.key : undefined).catch(() => undefined)
                : h.kind === 'item'
                  ? openItem(h.key, {
                      target: h.field === 'actions' || h.field === 'future' ? { field: h.field, ord: h.ord } : null,
                      focus: true,
                    })
                  : openSection(h.key, h.field === 'intro')
            }
            onEscape={clearSearch}
          />
        )}
      </>
    );
  }

  return (
    <>
      <p className="list-count" role="status" data-testid="list-count">
        該当 <strong>{filtered.length}</strong> 件{hasFilters(filters) ? ` / 全 ${items.length} 件` : ''}
      </p>
      {filtered.length === 0 ? (
        <StatusMessage kind="empty">
          {items.length === 0 ? '項目がありません。' : '条件に合う項目はありません。絞り込みを外してください。'}
        </StatusMessage>
      ) : (
        <VirtualListbox
          rows={filtered}
          rowKey={(it) => it.key}
          rowHeight={ITEM_ROW_HEIGHT}
          label="小項目の一覧"
          idPrefix="item"
          selectedKey={selectedKey}
          focusNonce={focusNonce}
          renderRow={(it) => <ItemRow item={it} />}
          onActiveChange={(it) => {
            dropItemFocusRequest();
            prefetchItem(it.key);
          }}
          onRowsInView={(shown) => prefetchItems(shown.map((it) => it.key))}
          onOpen={(it) => openItem(it.key, { focus: true })}
        />
      )}
    </>
  );
}
