// 会議用資料: the items selected by the annotation filters, each with its text — title, actions and
// future directions in the table's two columns — its highlights numbered in the text, its
// annotations (with replies) listed below by number, and the ministries' notes (府省からの補足).
// Numbers run through the whole pack, so 「注12」 names one annotation in the meeting.
// This screen is the print preview: 印刷 calls window.print() (Electron prints the same page). The
// running header (meeting, 資料番号, date) is the head of a table, which Chromium repeats on every
// printed page; page numbers come from Chromium's footer (PACK_FOOTER_TEMPLATE in Electron's
// printToPDF, the browser's own 「ヘッダーとフッター」 when printed from a browser). The print
// stylesheet lets an item break across pages (so a long first item does not leave page 1 half
// empty) but keeps each annotation, bullet and heading whole.
import { actionsLabel } from '../../../../shared/editions/fiscal-year';
import { useEffect, useMemo, useState } from 'react';
import type { MinistryNote } from '../../../../shared/imports';
import { warekiDate } from '../../../../shared/wareki';
import { MinistryNoteList } from '../item/MinistryNotes';
import { COLOR_NAMES, KIND_NAMES, STATUS_NAMES, type AnnotationView } from '../../../../shared/annotations';
import { MINISTRY_NAMES, type Item, type TaggedBullet } from '../../../../shared/domain';
import { invoke } from '../../api-client';
import { loadAnnotationList, useAnnotations, type AnnotationFilters } from '../../state/annotations';
import { useApp } from '../../state/app-state';
import { messageOf } from '../../state/error-message';
import { selectSections, useShownFiscalYear } from '../../state/plan-selectors';
import { setView } from '../../state/screens';
import { sectionName } from '../../state/filters';
import { StatusMessage } from '../common/StatusMessage';
import { NumberedText } from './AnnotatedText';
import { ORPHAN_LABEL, formatTime, placeName } from './annotation-model';
import { groupByItem } from './AnnotationsView';
import '../../styles/annotations.css';

function filterSummary(f: AnnotationFilters, sectionLabel: (id: string) => string): string {
  const parts: string[] = [];
  if (f.section) parts.push(`区分: ${sectionLabel(f.section)}`);
  if (f.ministry) parts.push(`府省: ${MINISTRY_NAMES[f.ministry]}`);
  if (f.tag) parts.push(`タグ: #${f.tag}`);
  if (f.color) parts.push(`色: ${COLOR_NAMES[f.color]}`);
  if (f.status) parts.push(`状態: ${STATUS_NAMES[f.status]}`);
  if (f.kind) parts.push(`種類: ${KIND_NAMES[f.kind]}`);
  if (f.author) parts.push(`作成者: ${f.author}`);
  return parts.length > 0 ? parts.join(' / ') : 'すべての注釈';
}

function Bullets({
  bullets,
  field,
  annotations,
  numbers,
}: {
  bullets: TaggedBullet[];
  field: 'actions' | 'future';
  annotations: AnnotationView[];
  numbers: Map<string, number>;
}) {
  if (bullets.length === 0) return <p className="empty-field">記載なし</p>;
  return (
    <ul className="pack-bullets">
      {bullets.map((b, i) => (
        <li key={i} className={`pack-bullet level-${Math.min(b.level, 3)}`}>
          <NumberedText text={b.text} field={field} index={i} annotations={annotations} numbers={numbers} />
        </li>
      ))}
    </ul>
  );
}

/** Annotation numbers through the whole pack: item by item, each item's in reading order. */
function packNumbers(groups: readonly { annotations: AnnotationView[] }[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const g of groups) for (const a of g.annotations) numbers.set(a.id, numbers.size + 1);
  return numbers;
}

function PackItem({
  item,
  annotations,
  numbers,
  notes,
}: {
  item: Item;
  annotations: AnnotationView[];
  numbers: Map<string, number>;
  notes: readonly MinistryNote[];
}) {
  const fiscalYear = useShownFiscalYear();
  return (
    <section className="pack-item" aria-labelledby={`pack-${item.key}`}>
      <h3 id={`pack-${item.key}`} className="pack-item-title">
        <span className="pack-key">{item.key}</span>
        {item.label && <span className="item-title-label">{item.label}</span>}
        <NumberedText text={item.title} field="title" index={0} annotations={annotations} numbers={numbers} />
        <span className="pack-ministries">【{item.ministries.map((m) => (item.lead.includes(m) ? `◎${m}` : m)).join('・')}】</span>
      </h3>
      <div className="pack-columns">
        <div>
          <h4 className="pack-column-title">{actionsLabel(fiscalYear)}</h4>
          <Bullets bullets={item.actions} field="actions" annotations={annotations} numbers={numbers} />
        </div>
        <div>
          <h4 className="pack-column-title">今後の方向性・課題など</h4>
          <Bullets bullets={item.future} field="future" annotations={annotations} numbers={numbers} />
        </div>
      </div>
      {notes.length > 0 && (
        <section className="ministry-notes pack-ministry-notes" aria-label={`${item.key} の府省からの補足`}>
          <h4 className="ministry-notes-title">府省からの補足</h4>
          <MinistryNoteList notes={notes} />
        </section>
      )}
      <ol className="pack-notes" aria-label={`${item.key} の注釈`}>
        {annotations.map((a) => (
          <li key={a.id} className={`pack-note annot-border-${a.color}`}>
            <p className="pack-note-head">
              <span className="pack-note-num">{numbers.get(a.id)}</span>
              <span className={`annot-swatch annot-c-${a.color}`} aria-hidden="true" />
              {KIND_NAMES[a.kind]}・{placeName(a, a.fiscalYear)}・{STATUS_NAMES[a.status]}
              <span className="pack-note-by">
                {a.author}({formatTime(a.createdAt)})
              </span>
            </p>
            {a.anchorState.state === 'orphan' && (
              <p className="annot-orphan">
                <span className="annot-orphan-label">{ORPHAN_LABEL}</span>
                {a.anchor && <q className="annot-quote annot-quote-old">{a.anchor.quote}</q>}
              </p>
            )}
            {a.anchorState.state === 'anchored' && a.anchor && (
              <p className="pack-note-quote">
                <q>{a.anchor.quote}</q>
              </p>
            )}
            {a.comment && <p className="annot-comment">{a.comment}</p>}
            {a.tags.length > 0 && <p className="pack-note-tags">{a.tags.map((t) => `#${t}`).join(' ')}</p>}
            {a.replies
              .filter((r) => !r.deletedAt)
              .map((r) => (
                <p key={r.id} className="pack-reply">
                  <span className="pack-reply-by">
                    ↳ {r.author}({formatTime(r.createdAt)}):
                  </span>
                  {r.text}
                </p>
              ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; items: Record<string, Item>; notes: Record<string, MinistryNote[]> }
  | { status: 'error'; message: string };

/** What the running header says; typed in the toolbar and remembered for the next pack. */
interface PackHeading {
  meeting: string;
  docNo: string;
  /** yyyy-mm-dd of the meeting. */
  date: string;
}

const HEADING_KEY = 'council-desk.pack-heading';

function loadHeading(): PackHeading {
  const today = new Date();
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  try {
    const saved = JSON.parse(localStorage.getItem(HEADING_KEY) ?? '{}') as Partial<PackHeading>;
    return { meeting: saved.meeting ?? '', docNo: saved.docNo ?? '', date: iso };
  } catch {
    return { meeting: '', docNo: '', date: iso };
  }
}

function HeadingFields({ heading, onChange }: { heading: PackHeading; onChange: (h: PackHeading) => void }) {
  const set = (patch: Partial<PackHeading>) => onChange({ ...heading, ...patch });
  return (
    <div className="pack-heading-fields no-print" role="group" aria-label="各ページの見出しの入力">
      <label>
        会議名
        <input
          type="text"
          value={heading.meeting}
          maxLength={80}
          placeholder="例: 第3回データ利活用・ライフコース協議会"
          onChange={(e) => set({ meeting: e.target.value })}
        />
      </label>
      <label>
        資料番号
        <input type="text" value={heading.docNo} maxLength={20} placeholder="例: 資料2" onChange={(e) => set({ docNo: e.target.value })} />
      </label>
      <label>
        日付
        <input type="date" value={heading.date} onChange={(e) => set({ date: e.target.value })} />
      </label>
    </div>
  );
}

export function MeetingPack() {
  const list = useAnnotations((s) => s.list);
  const filters = useAnnotations((s) => s.filters);
  const sections = useApp(selectSections);
  const groups = useMemo(() => groupByItem(list.value), [list.value]);
  const keys = useMemo(() => groups.map((g) => g.itemKey), [groups]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [heading, setHeading] = useState(loadHeading);
  const changeHeading = (h: PackHeading) => {
    setHeading(h);
    localStorage.setItem(HEADING_KEY, JSON.stringify({ meeting: h.meeting, docNo: h.docNo }));
  };

  useEffect(() => {
    if (list.status === 'idle') void loadAnnotationList();
  }, [list.status]);

  useEffect(() => {
    let live = true;
    const { items: listed, archivedEdition: edition } = useApp.getState();
    const known = new Set(listed.map((i) => i.key));
    const wanted = keys.filter((k) => known.has(k));
    // An archived edition's annotations are printed on that edition's text (it has no 府省からの補足).
    const read =
      edition === null
        ? Promise.all([invoke('items.getMany', { keys: wanted }), invoke('items.notes', { keys: wanted })])
        : Promise.all([Promise.all(wanted.map((key) => invoke('items.get', { key, edition }))), {}]);
    read.then(
      ([items, notes]) => live && setLoad({ status: 'ready', items: Object.fromEntries(items.map((it) => [it.key, it])), notes }),
      (err: unknown) => live && setLoad({ status: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [keys]);

  const sectionLabel = (id: string) => {
    const s = sections.find((x) => x.id === id);
    return s ? `${sectionName(s)} ${s.title}` : id;
  };
  const shown = useMemo(() => (load.status === 'ready' ? groups.filter((g) => load.items[g.itemKey]) : []), [groups, load]);
  const numbers = useMemo(() => packNumbers(shown), [shown]);
  const date = heading.date ? warekiDate(`${heading.date}T12:00:00+09:00`) : '';

  return (
    <article className="pack" aria-labelledby="pack-title">
      <div className="pack-toolbar no-print">
        <button type="button" className="button" onClick={() => setView('annotations')}>
          ← 注釈一覧に戻る
        </button>
        <span className="spacer" />
        <span className="annot-hint">
          A4 縦で印刷します。条件は注釈一覧の絞り込みです。ブラウザーから印刷するときは「ヘッダーとフッター」を選ぶとページ番号が入ります。
        </span>
        {window.councilDesk?.printToPdf && <SavePdfButton disabled={shown.length === 0} />}
        <button type="button" className="button button-primary" onClick={() => window.print()} disabled={shown.length === 0}>
          印刷
        </button>
      </div>
      <HeadingFields heading={heading} onChange={changeHeading} />
      <div className="pack-sheet">
        <table className="pack-frame">
          <thead>
            <tr>
              <td>
                <p className="pack-running-head" aria-label="各ページの見出し">
                  <span>{heading.meeting || '会議用資料'}</span>
                  {heading.docNo && <span className="pack-doc-no">{heading.docNo}</span>}
                  <span className="pack-date">{date}</span>
                </p>
              </td>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <header className="pack-head">
                  <h2 id="pack-title" className="pack-title">
                    会議用資料 注釈付き小項目
                  </h2>
                  <p className="pack-meta">
                    {filterSummary(filters, sectionLabel)}・{shown.length}項目・注釈 {numbers.size}件
                  </p>
                </header>
                {(load.status === 'loading' || list.status === 'loading') && (
                  <StatusMessage kind="loading">資料を作成しています…</StatusMessage>
                )}
                {load.status === 'error' && <StatusMessage kind="error">項目を読み込めませんでした: {load.message}</StatusMessage>}
                {load.status === 'ready' && list.status === 'ready' && shown.length === 0 && (
                  <StatusMessage kind="empty">条件に合う注釈はありません。</StatusMessage>
                )}
                {load.status === 'ready' &&
                  shown.map((g) => (
                    <PackItem
                      key={g.itemKey}
                      item={load.items[g.itemKey]!}
                      annotations={g.annotations}
                      numbers={numbers}
                      notes={load.notes[g.itemKey] ?? []}
                    />
                  ))}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </article>
  );
}

/** Desktop only: Electron writes the same page as an A4 PDF where the user chooses. */
function SavePdfButton({ disabled }: { disabled: boolean }) {
  const [status, setStatus] = useState<string | null>(null);
  const save = async () => {
    const bridge = window.councilDesk;
    if (!bridge) return;
    setStatus('保存しています…');
    const outcome = await bridge.printToPdf(`会議用資料_${new Date().toISOString().slice(0, 10)}.pdf`);
    setStatus(outcome.saved ? `保存しました: ${outcome.file}` : outcome.message);
  };
  return (
    <>
      {status && (
        <span className="annot-hint" role="status">
          {status}
        </span>
      )}
      <button type="button" className="button" onClick={() => void save()} disabled={disabled}>
        PDFとして保存
      </button>
    </>
  );
}
