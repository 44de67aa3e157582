// The review of a staged edition import (版の取り込みの確認): what the new table is (the next year's
// edition or a changed source of the current one), counts per class with a filter for each, every
// item of each class (matched items with their fields' word diffs), the decisions on ambiguous items,
// and apply (after a backup) or discard.
import { useMemo, useState } from 'react';
import type { EditionAmbiguousRow, EditionBatchDetail, EditionMatchRow, FieldChange } from '../../../../shared/editions/batch';
import { actionsLabel, editionLabel } from '../../../../shared/editions/fiscal-year';
import { MATCH_KIND_LABELS, editionFieldLabel, type MatchKind } from '../../../../shared/editions/vocabulary';
import { applyEditionBatch, discardEditionBatch, pairEditionItem, useEditions } from '../../state/editions';
import { APPLY, ConfirmDialog, DISCARD } from '../common/ConfirmDialog';
import { StatusMessage } from '../common/StatusMessage';
import { CellDiffView } from '../history/DiffView';
import { CLASS_ORDER, DEFAULT_CLASSES, classCounts, percent } from './review-model';

const STATUS_NAMES = { staged: '確認待ち', applied: '反映済み', discarded: '破棄' } as const;

export function kindWhat(d: Pick<EditionBatchDetail, 'kind' | 'fiscalYear' | 'baseYear'>): string {
  if (d.kind === 'revision') return `${editionLabel(d.fiscalYear)}の資料の変更`;
  return d.baseYear === null
    ? `新しい版(${editionLabel(d.fiscalYear)})`
    : `新しい版(${editionLabel(d.fiscalYear)}、${editionLabel(d.baseYear)}と照合)`;
}

function KindBadge({ kind }: { kind: MatchKind }) {
  return <span className={`edition-kind edition-kind-${kind}`}>{MATCH_KIND_LABELS[kind]}</span>;
}

function fieldName(change: FieldChange, d: EditionBatchDetail): string {
  if (change.field === 'actions' && d.baseYear !== null && d.baseYear !== d.fiscalYear)
    return `${actionsLabel(d.baseYear)} → ${actionsLabel(d.fiscalYear)}`;
  return editionFieldLabel(change.field, d.fiscalYear);
}

function MatchedRow({ row, detail }: { row: EditionMatchRow; detail: EditionBatchDetail }) {
  const kinds: MatchKind[] = [];
  if (row.moved) kinds.push('moved');
  if (row.renumbered) kinds.push('renumbered');
  if (row.fields.length > 0) kinds.push('edited');
  if (kinds.length === 0) kinds.push('same');
  return (
    <li className="edition-row" data-key={row.key}>
      <div className="edition-row-head">
        {kinds.map((k) => (
          <KindBadge key={k} kind={k} />
        ))}
        <span className="edition-key">{row.key}</span>
        <span className="edition-label">{row.renumbered ? `${row.fromLabel || '—'} → ${row.toLabel || '—'}` : row.toLabel}</span>
        {row.moved && <span className="edition-section">{`${row.fromSection} → ${row.toSection}`}</span>}
        <span className="edition-title">{row.title}</span>
        {row.paired && <span className="badge">手動で対応付け</span>}
        <span className="muted edition-confidence">一致度 {percent(row.confidence)}</span>
      </div>
      {row.changes.length > 0 && (
        <div className="edition-changes">
          {row.changes.map((c) => (
            <section key={c.field} className="edition-change" aria-label={`${row.key} ${fieldName(c, detail)}の変更`}>
              <h4 className="edition-change-field">{fieldName(c, detail)}</h4>
              <CellDiffView before={c.before} after={c.after} />
            </section>
          ))}
        </div>
      )}
    </li>
  );
}

function AmbiguousRow({ row, detail }: { row: EditionAmbiguousRow; detail: EditionBatchDetail }) {
  const busy = useEditions((s) => s.busy);
  const staged = detail.status === 'staged';
  const decided = row.decision === null ? null : row.decision === 'added' ? '新しい項目として扱う' : `${row.decision} と同じ項目`;
  return (
    <li className="edition-row edition-row-ambiguous" data-label={row.label}>
      <div className="edition-row-head">
        <KindBadge kind="ambiguous" />
        <span className="edition-label">{row.label}</span>
        <span className="edition-section">{row.section}</span>
        <span className="edition-title">{row.title}</span>
      </div>
      <p className="edition-decision" role="status">
        {decided ? (
          <>
            決定: <strong>{decided}</strong>
            {staged && (
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => void pairEditionItem(detail.id, row.index, null)}
              >
                元に戻す
              </button>
            )}
          </>
        ) : (
          '前の版のどの項目か、一致度の近い候補から選んでください。どれでもなければ新しい項目として扱います。'
        )}
      </p>
      <ul className="edition-candidates" aria-label={`${row.label}${row.title.slice(0, 20)} の候補`}>
        {row.candidates.map((c) => (
          <li key={c.key} className={row.decision === c.key ? 'edition-candidate edition-candidate-chosen' : 'edition-candidate'}>
            <span className="edition-key">{c.key}</span>
            <span className="edition-label">{c.label}</span>
            <span className="edition-section">{c.section}</span>
            <span className="edition-title">{c.title}</span>
            <span className="muted edition-confidence">一致度 {percent(c.confidence)}</span>
            {staged && (
              <button
                type="button"
                className="button button-small"
                disabled={busy || row.decision === c.key}
                aria-label={`${c.key} と同じ項目にする`}
                onClick={() => void pairEditionItem(detail.id, row.index, c.key)}
              >
                この項目とする
              </button>
            )}
          </li>
        ))}
      </ul>
      {staged && (
        <button
          type="button"
          className="button button-small"
          disabled={busy || row.decision === 'added'}
          onClick={() => void pairEditionItem(detail.id, row.index, 'added')}
        >
          新しい項目として扱う
        </button>
      )}
    </li>
  );
}

function ClassRows({ kind, detail }: { kind: MatchKind; detail: EditionBatchDetail }) {
  if (kind === 'ambiguous')
    return (
      <>
        {detail.ambiguous.map((a) => (
          <AmbiguousRow key={a.index} row={a} detail={detail} />
        ))}
      </>
    );
  if (kind === 'added') {
    return (
      <>
        {detail.added.map((a) => (
          <li key={a.index} className="edition-row" data-key={a.key}>
            <div className="edition-row-head">
              <KindBadge kind="added" />
              <span className="edition-key">{a.key}</span>
              <span className="edition-label">{a.label}</span>
              <span className="edition-section">{a.section}</span>
              <span className="edition-title">{a.title}</span>
              {a.decided && <span className="badge">手動で決定</span>}
            </div>
          </li>
        ))}
      </>
    );
  }
  if (kind === 'dropped') {
    return (
      <>
        {detail.dropped.map((d) => (
          <li key={d.key} className="edition-row" data-key={d.key}>
            <div className="edition-row-head">
              <KindBadge kind="dropped" />
              <span className="edition-key">{d.key}</span>
              <span className="edition-label">{d.label}</span>
              <span className="edition-section">{d.section}</span>
              <span className="edition-title">{d.title}</span>
            </div>
          </li>
        ))}
      </>
    );
  }
  if (kind === 'split') {
    return (
      <>
        {detail.splits.map((s) => (
          <li key={s.key} className="edition-row" data-key={s.key}>
            <div className="edition-row-head">
              <KindBadge kind="split" />
              <span className="edition-key">{s.key}</span>
              <span className="edition-title">{s.title}</span>
            </div>
            <ul className="edition-parts">
              {s.into.map((p) => (
                <li key={p.index}>
                  → {p.label}
                  {p.title} <span className="muted">一致度 {percent(p.confidence)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </>
    );
  }
  if (kind === 'merged') {
    return (
      <>
        {detail.merges.map((m) => (
          <li key={m.index} className="edition-row">
            <div className="edition-row-head">
              <KindBadge kind="merged" />
              <span className="edition-label">{m.label}</span>
              <span className="edition-title">{m.title}</span>
            </div>
            <ul className="edition-parts">
              {m.from.map((f) => (
                <li key={f.key}>
                  ← {f.key} {f.title} <span className="muted">一致度 {percent(f.confidence)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </>
    );
  }
  return (
    <>
      {detail.matched
        .filter((m) => m.change === kind)
        .map((m) => (
          <MatchedRow key={m.key} row={m} detail={detail} />
        ))}
    </>
  );
}

function ApplyDialog({ detail, open, onClose }: { detail: EditionBatchDetail; open: boolean; onClose: () => void }) {
  const busy = useEditions((s) => s.busy);
  const c = detail.counts;
  return (
    <ConfirmDialog
      open={open}
      title="版の取り込みを反映"
      onClose={onClose}
      busy={busy}
      action={APPLY}
      onConfirm={() => applyEditionBatch(detail.id)}
    >
      <p>
        <strong>{detail.sourceName}</strong>(#{detail.id})を{kindWhat(detail)}として反映します。
      </p>
      <ul className="apply-preview">
        {detail.kind === 'new' ? (
          <>
            <li>
              {editionLabel(detail.fiscalYear)}が現行の版になります。
              {detail.baseYear !== null &&
                `${editionLabel(detail.baseYear)}は過去の版として、公表された内容のまま閲覧できます(編集はできません)。`}
            </li>
          </>
        ) : (
          <li>{editionLabel(detail.fiscalYear)}の内容を、この資料のとおりに更新します(変更履歴に記録します)。</li>
        )}
        <li>
          対応付け {c.matched} 項目(うち変更あり {c.changed} 項目)、追加 {c.added} 項目、削除 {c.dropped} 項目
        </li>
        <li>項目の管理番号は変わりません。追加した項目には新しい管理番号を付けます(削除した項目の番号は再利用しません)。</li>
      </ul>
    </ConfirmDialog>
  );
}

function DiscardDialog({ detail, open, onClose }: { detail: EditionBatchDetail; open: boolean; onClose: () => void }) {
  const busy = useEditions((s) => s.busy);
  return (
    <ConfirmDialog
      open={open}
      title="版の取り込みを破棄"
      onClose={onClose}
      busy={busy}
      action={DISCARD}
      onConfirm={() => discardEditionBatch(detail.id)}
    >
      <p>
        <strong>{detail.sourceName}</strong>(#{detail.id}
        )の取り込みと、要確認の項目について決めた内容を破棄します。版は変わりません。同じファイルはあとで取り込み直せます。
      </p>
    </ConfirmDialog>
  );
}

export function EditionBatchView({ detail }: { detail: EditionBatchDetail }) {
  const busy = useEditions((s) => s.busy);
  const notice = useEditions((s) => s.notice);
  const [shown, setShown] = useState(DEFAULT_CLASSES);
  const [confirm, setConfirm] = useState<'apply' | 'discard' | null>(null);
  const counts = useMemo(() => classCounts(detail), [detail]);
  const staged = detail.status === 'staged';
  const undecided = detail.counts.undecided;
  const visible = CLASS_ORDER.filter((k) => shown[k] && counts[k] > 0);
  return (
    <article className="edition-review" aria-labelledby="edition-batch-title">
      <header className="review-batch-head">
        <h2 id="edition-batch-title" className="review-batch-title">
          版の取り込みの確認: {detail.sourceName}
        </h2>
        <div className="review-batch-meta">
          <span>#{detail.id}</span>
          <span>{kindWhat(detail)}</span>
          <span className={`batch-status batch-status-${detail.status}`}>{STATUS_NAMES[detail.status]}</span>
          <span>取り込み {new Date(detail.createdAt).toLocaleString('ja-JP')}</span>
          {detail.appliedAt && <span>反映 {new Date(detail.appliedAt).toLocaleString('ja-JP')}</span>}
          {detail.backup && <span className="muted">反映前のバックアップ: {detail.backup}</span>}
        </div>
        {detail.title && <p className="muted edition-source-title">{detail.title}</p>}
      </header>
      {notice && (
        <p className={notice.kind === 'ok' ? 'notice' : 'notice notice-error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      {detail.warnings.length > 0 && (
        <section className="review-warnings" aria-label="取込時の注意">
          <h3 className="review-warnings-title">
            <span aria-hidden="true">⚠</span> 取込時の注意 {detail.warnings.length} 件
          </h3>
          <ul className="review-warning-list review-warnings-body">
            {detail.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="review-toolbar">
        <fieldset className="kind-filters">
          <legend className="visually-hidden">表示する分類</legend>
          {CLASS_ORDER.map((k) => (
            <label key={k} className={`kind-filter edition-filter-${k}`}>
              <input type="checkbox" checked={shown[k]} onChange={(e) => setShown((s) => ({ ...s, [k]: e.target.checked }))} />
              {MATCH_KIND_LABELS[k]} <span className="count">{counts[k]}</span>
            </label>
          ))}
        </fieldset>
        {staged && (
          <div className="review-actions">
            <span className="spacer" />
            <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirm('discard')}>
              破棄…
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || undecided > 0}
              title={undecided > 0 ? `要確認の項目が ${undecided} 件あります。すべて決めてから反映してください。` : undefined}
              onClick={() => setConfirm('apply')}
            >
              反映…
            </button>
          </div>
        )}
        {staged && undecided > 0 && (
          <p className="review-blocked">
            {MATCH_KIND_LABELS.ambiguous}の項目が {undecided}{' '}
            件あります。候補から同じ項目を選ぶか「新しい項目として扱う」を選ぶと反映できます。
          </p>
        )}
      </div>
      {visible.length === 0 ? (
        <StatusMessage kind="empty">表示する項目はありません(表示する分類の切り替えを確認してください)。</StatusMessage>
      ) : (
        <div className="edition-classes">
          {visible.map((k) => (
            <section key={k} className="edition-class" aria-label={`${MATCH_KIND_LABELS[k]} ${counts[k]} 件`}>
              <h3 className="edition-class-title">
                <KindBadge kind={k} /> {counts[k]} 件
              </h3>
              <ul className="edition-rows">
                <ClassRows kind={k} detail={detail} />
              </ul>
            </section>
          ))}
        </div>
      )}
      <ApplyDialog detail={detail} open={confirm === 'apply'} onClose={() => setConfirm(null)} />
      <DiscardDialog detail={detail} open={confirm === 'discard'} onClose={() => setConfirm(null)} />
    </article>
  );
}
