// The item view: breadcrumb, full title, ministries, 再掲 links, ingest warnings, 府省からの補足, then either the
// actions-vs-future comparison (or its editor) or the item's history.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Item } from '../../../../shared/domain';
import { takeFocusRequest } from '../../state/focus-requests';
import { useApp, type ItemTab } from '../../state/app-state';
import { startEditing } from '../../state/editing';
import { reloadItem } from '../../state/item-cache';
import { setItemTab } from '../../state/screens';
import { MinistryBadges } from '../common/MinistryBadges';
import { PjChips } from '../common/PjChips';
import { StatusMessage } from '../common/StatusMessage';
import { CompareView } from '../compare/CompareView';
import { ItemEditor } from '../edit/ItemEditor';
import { EditorToolbar } from '../edit/EditorToolbar';
import { HistoryPanel } from '../history/HistoryPanel';
import { Breadcrumb } from './Breadcrumb';
import { IngestWarnings } from './IngestWarnings';
import { QualityBadges } from '../quality/QualityBadges';
import { ItemMinistryNotes } from './MinistryNotes';
import { RelistLinks } from './RelistLinks';
import { Welcome } from './Welcome';
import { AnnotatedText } from '../annotations/AnnotatedText';
import { ItemAnnotations } from '../annotations/AnnotationPanel';
import { MatchNavigator } from '../search/MatchNavigator';
import { RelatedItems } from '../graph/RelatedItems';
import { ItemFollowUp } from '../editions/ItemFollowUp';
import { withAuthor } from '../layout/author-first';
import type { ItemFollowUp as ItemFollowUpReport } from '../../../../shared/editions/batch';
import { editionLabel } from '../../../../shared/editions/fiscal-year';
import { loadFollowUp, useEditions } from '../../state/editions';

const TABS: { id: ItemTab; label: string }[] = [
  { id: 'compare', label: '取組と今後の方向性' },
  { id: 'history', label: '変更履歴' },
  { id: 'followup', label: '前年度の方向性' },
];

/** This item's follow-up of last year's promises, when the current edition has a predecessor holding it. */
function useItemFollowUp(item: Item): ItemFollowUpReport | null {
  const archived = useApp((s) => s.archivedEdition !== null);
  const report = useEditions((s) => s.followUp);
  useEffect(() => {
    if (!archived) void loadFollowUp();
  }, [archived]);
  if (archived || report.status !== 'ready') return null;
  return report.value.items.find((it) => it.key === item.key) ?? null;
}

function Tabs({ current, tabs }: { current: ItemTab; tabs: { id: ItemTab; label: string }[] }) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = tabs.findIndex((t) => t.id === current);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    setItemTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="表示の切り替え" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={`tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={t.id === current}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === current ? 0 : -1}
          className="tab"
          onClick={() => setItemTab(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

function ItemTitle({ item }: { item: Item }) {
  const nonce = useApp((s) => s.focusItemNonce);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (nonce && takeFocusRequest('item', nonce)) ref.current?.focus();
  }, [nonce]);
  return (
    <h2 ref={ref} id="item-title" className="item-title" tabIndex={-1}>
      {item.label && <span className="item-title-label">{item.label}</span>}
      <AnnotatedText itemKey={item.key} field="title" index={0} text={item.title} />
    </h2>
  );
}

function ItemDetails({ item }: { item: Item }) {
  const chosen = useApp((s) => s.itemTab);
  const editing = useApp((s) => s.draft?.key === item.key);
  const archived = useApp((s) => s.archivedEdition);
  const followUp = useItemFollowUp(item);
  const tabs = followUp ? TABS : TABS.filter((t) => t.id !== 'followup');
  const tab = tabs.some((t) => t.id === chosen) ? chosen : 'compare';
  const panel = (
    <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
      {tab === 'history' ? (
        <HistoryPanel item={item} />
      ) : tab === 'followup' && followUp ? (
        <ItemFollowUp item={item} followUp={followUp} />
      ) : editing ? (
        <ItemEditor />
      ) : (
        <CompareView item={item} />
      )}
    </div>
  );
  return (
    <article className="item-view" aria-labelledby="item-title">
      <Breadcrumb item={item} />
      <header className="item-header">
        {editing ? (
          <h2 className="visually-hidden" id="item-title">
            {item.title}(編集中)
          </h2>
        ) : (
          <ItemTitle item={item} />
        )}
        <div className="item-meta">
          <MinistryBadges ministries={item.ministries} lead={item.lead} label="担当府省" />
          <PjChips pj={item.pj} />
          <span className="item-version">
            版 {item.version}・更新 {new Date(item.updatedAt).toLocaleDateString('ja-JP')}
          </span>
          <span className="spacer" />
          <MatchNavigator itemKey={item.key} />
          {archived !== null ? (
            <span className="archived-badge">{editionLabel(archived)}・過去の版(閲覧のみ)</span>
          ) : editing ? (
            <EditorToolbar />
          ) : (
            <button type="button" className="button" onClick={() => void withAuthor(() => startEditing(item.key))}>
              編集
            </button>
          )}
        </div>
      </header>
      <RelistLinks item={item} />
      <IngestWarnings itemKey={item.key} warnings={item.warnings} />
      {archived === null && <QualityBadges itemKey={item.key} detailed />}
      {archived === null && <ItemMinistryNotes item={item} />}
      <Tabs current={tab} tabs={tabs} />
      {/* An archived edition shows its own annotations, read-only. */}
      <ItemAnnotations item={item} readOnly={archived !== null}>
        {panel}
      </ItemAnnotations>
      {archived === null && <RelatedItems itemKey={item.key} version={item.version} />}
    </article>
  );
}

export function ItemView() {
  const selectedKey = useApp((s) => s.selectedKey);
  const item = useApp((s) => (s.selectedKey ? s.itemCache[s.selectedKey] : undefined));
  const load = useApp((s) => (s.itemLoad && s.itemLoad.key === s.selectedKey ? s.itemLoad : null));

  if (!selectedKey) {
    return <Welcome />;
  }
  if (item) return <ItemDetails item={item} />;
  if (load?.status === 'error') {
    return (
      <StatusMessage
        kind="error"
        action={
          <button type="button" className="button" onClick={() => reloadItem(selectedKey)}>
            再読み込み
          </button>
        }
      >
        項目 {selectedKey} を読み込めませんでした: {load.message}
      </StatusMessage>
    );
  }
  return <StatusMessage kind="loading">項目 {selectedKey} を読み込んでいます…</StatusMessage>;
}
