// 注釈一覧: every annotation of the plan, filtered by tag, colour, status, kind, author, ministry and
// section, grouped by item in plan order. Each entry opens its item at its words. From here the
// annotations are shared as Excel and the meeting pack (会議用資料) is made from the same filters.
import { useEffect, useMemo } from 'react';
import type { AnnotationView } from '../../../../shared/annotations';
import { loadAnnotationList, useAnnotations } from '../../state/annotations';
import { useApp } from '../../state/app-state';
import { setView } from '../../state/screens';
import { editionLabel } from '../../../../shared/editions/fiscal-year';
import { CarryForward } from './CarryForward';
import { StatusMessage } from '../common/StatusMessage';
import { AnnotationCard } from './AnnotationCard';
import { AnnotationFilterBar } from './AnnotationFilters';
import { ShareTools } from './ShareTools';
import { readingOrder } from './annotation-model';
import '../../styles/annotations.css';

export interface ItemGroup {
  itemKey: string;
  title: string | null;
  annotations: AnnotationView[];
}

/** Annotations (already in plan order) grouped by item. */
export function groupByItem(list: readonly AnnotationView[]): ItemGroup[] {
  const groups: ItemGroup[] = [];
  for (const a of list) {
    const last = groups[groups.length - 1];
    if (last && last.itemKey === a.itemKey) last.annotations.push(a);
    else groups.push({ itemKey: a.itemKey, title: a.itemTitle, annotations: [a] });
  }
  for (const g of groups) g.annotations = readingOrder(g.annotations);
  return groups;
}

export function AnnotationsView() {
  const list = useAnnotations((s) => s.list);
  const total = useAnnotations((s) => s.all.length);
  const groups = useMemo(() => groupByItem(list.value), [list.value]);
  const open = list.value.filter((a) => a.status === 'open').length;
  const archived = useApp((s) => s.archivedEdition);

  useEffect(() => {
    void loadAnnotationList();
  }, []);

  return (
    <article className="annot-view" aria-labelledby="annot-view-title">
      <header className="annot-view-head">
        <h2 id="annot-view-title" className="overview-title">
          注釈一覧
          {archived !== null && <span className="archived-badge">{editionLabel(archived)}・過去の版(閲覧のみ)</span>}
        </h2>
        <p className="annot-view-summary" role="status">
          {list.status === 'ready' || list.value.length > 0
            ? `${total}件中 ${list.value.length}件を表示(未対応 ${open}件・${groups.length}項目)`
            : ''}
        </p>
        <span className="spacer" />
        <button type="button" className="button button-primary" onClick={() => setView('pack')} disabled={list.value.length === 0}>
          会議用資料(印刷)…
        </button>
      </header>
      <AnnotationFilterBar />
      <ShareTools />
      <CarryForward />
      {list.status === 'error' && <StatusMessage kind="error">注釈を読み込めませんでした: {list.message}</StatusMessage>}
      {list.status === 'loading' && list.value.length === 0 && <StatusMessage kind="loading">注釈を読み込んでいます…</StatusMessage>}
      {list.status === 'ready' && list.value.length === 0 && (
        <StatusMessage kind="empty">
          {total === 0 ? 'まだ注釈がありません。小項目の本文を選択して注釈を付けられます。' : '条件に合う注釈はありません。'}
        </StatusMessage>
      )}
      {groups.map((g) => (
        <section key={g.itemKey} className="annot-group" aria-labelledby={`annot-group-${g.itemKey}`}>
          <h3 id={`annot-group-${g.itemKey}`} className="annot-group-title">
            <span className="item-key">{g.itemKey}</span> {g.title ?? '(この項目はこのデータベースにありません)'}
            <span className="column-count">{g.annotations.length}件</span>
          </h3>
          <ul className="annot-cards annot-cards-wide">
            {g.annotations.map((a) => (
              <AnnotationCard key={a.id} a={a} withItem headingLevel="h4" />
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
