// The item view: breadcrumb, full title, ministries, 再掲 links, ingest warnings, 府省からの補足, then either the
// actions-vs-future comparison (or its editor) or the item's history.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Item } from '../../../../shared/domain';
import { takeFocusRequest } from '../../state/focus-requests';
import { reloadItem, setItemTab, startEditing, useApp, type ItemTab } from '../../state/store';
import { MinistryBadges } from '../common/MinistryBadges';
import { PjChips } from '../common/PjChips';
import { StatusMessage } from '../common/StatusMessage';
import { CompareView } from '../compare/CompareView';
import { ItemEditor } from '../edit/ItemEditor';
import { EditorToolbar } from '../edit/EditorToolbar';
import { HistoryPanel } from '../history/HistoryPanel';
import { Breadcrumb } from './Breadcrumb';
import { IngestWarnings } from './IngestWarnings';
import { ItemMinistryNotes } from './MinistryNotes';
import { RelistLinks } from './RelistLinks';
import { Welcome } from './Welcome';
import { AnnotatedText } from '../annotations/AnnotatedText';
import { ItemAnnotations } from '../annotations/AnnotationPanel';

const TABS: { id: ItemTab; label: string }[] = [
  { id: 'compare', label: '取組と今後の方向性' },
  { id: 'history', label: '変更履歴' },
];

function Tabs({ current }: { current: ItemTab }) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = TABS.findIndex((t) => t.id === current);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setItemTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="表示の切り替え" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
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
  const tab = useApp((s) => s.itemTab);
  const editing = useApp((s) => s.draft?.key === item.key);
  return (
    <article className="item-view" aria-labelledby="item-title">
      <Breadcrumb item={item} />
      <header className="item-header">
        {editing ? <h2 className="visually-hidden" id="item-title">{item.title}(編集中)</h2> : <ItemTitle item={item} />}
        <div className="item-meta">
          <MinistryBadges ministries={item.ministries} lead={item.lead} label="担当府省" />
          <PjChips pj={item.pj} />
          <span className="item-version">
            版 {item.version}・更新 {new Date(item.updatedAt).toLocaleDateString('ja-JP')}
          </span>
          <span className="spacer" />
          {editing ? (
            <EditorToolbar />
          ) : (
            <button type="button" className="button" onClick={() => startEditing(item.key)}>
              編集
            </button>
          )}
        </div>
      </header>
      <RelistLinks item={item} />
      <IngestWarnings warnings={item.warnings} />
      <ItemMinistryNotes item={item} />
      <Tabs current={tab} />
      <ItemAnnotations item={item}>
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
          {tab === 'history' ? <HistoryPanel item={item} /> : editing ? <ItemEditor /> : <CompareView item={item} />}
        </div>
      </ItemAnnotations>
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
