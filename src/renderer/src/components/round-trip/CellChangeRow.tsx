// One answer cell that came back: its kind, the ministry's change (base → file) and ours (base → now)
// as word-level diffs, and the decision: take / reject, or for a conflict the file's value, ours, or
// an edited text (a small editor, prefilled with the file's value).
import { fieldLabel } from '../../../../shared/fields';
import { useId, useState } from 'react';
import type { BatchItemChanges, BatchStatus, CellChange, Decision } from '../../../../shared/imports';
import { decide, useRoundTrip, type DecisionRequest } from '../../state/round-trip';
import { useFiscalYear } from '../../state/plan-selectors';
import { openItem } from '../../state/screens';
import { CellDiffView } from '../history/DiffView';
import {
  BULK_DECIDED_KINDS,
  LOSS_WARNINGS,
  MERGE_KIND_HELP,
  MERGE_KIND_NAMES,
  losesText,
  proposesChange,
} from '../../../../shared/merge/three-way';
import { REASON_NAMES, effectiveDecision } from './review-model';

function Diffs({ change }: { change: CellChange }) {
  const { base, theirs, ours } = change;
  if (base === null) {
    return (
      <div className="cell-diffs cell-diffs-one">
        <section className="cell-diff" aria-label="現在の値 → 府省の値">
          <h4 className="cell-diff-title">現在の値 → 府省の値(送付時の値が不明なため、現在の値とだけ比較)</h4>
          <CellDiffView before={ours} after={theirs} />
        </section>
      </div>
    );
  }
  const side = (title: string, label: string, after: string, who: string) => (
    <section className="cell-diff" aria-label={label}>
      <h4 className="cell-diff-title">{title}</h4>
      {after === base ? (
        <p className="diff empty-field">{who}は変更していません(送付時のまま)</p>
      ) : (
        <CellDiffView before={base} after={after} />
      )}
    </section>
  );
  return (
    <div className="cell-diffs">
      {side('府省の変更(送付時 → 返ってきたファイル)', '府省の変更', theirs, '府省')}
      {side('事務局の変更(送付時 → 現在)', '事務局の変更', ours, '事務局')}
    </div>
  );
}

interface EditorProps {
  batch: number;
  change: CellChange;
  where: string;
  onDone: () => void;
}

function ConflictEditor({ batch, change, where, onDone }: EditorProps) {
  const [text, setText] = useState(change.edited ?? change.theirs);
  const id = useId();
  const save = async () => {
    if (await decide(batch, [{ key: change.key, field: change.field, decision: 'edit', value: text }])) onDone();
  };
  return (
    <div className="cell-editor">
      <label htmlFor={id} className="editor-label">
        {where}の内容を編集して決める
      </label>
      <textarea
        id={id}
        className="cell-editor-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={Math.min(14, Math.max(4, text.split('\n').length + 1))}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onDone();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <p className="editor-hint">
        箇条書きは1行に1つ、行頭に「・」。下位の箇条書きは「・」の前に全角スペース。Ctrl+Enter で決定、Esc で取り消し。
      </p>
      <div className="cell-editor-actions">
        <button type="button" className="button button-small" onClick={() => setText(change.theirs)}>
          府省の値を入れる
        </button>
        <button type="button" className="button button-small" onClick={() => setText(change.ours)}>
          現在の値を入れる
        </button>
        <span className="spacer" />
        <button type="button" className="button button-small button-primary" onClick={() => void save()}>
          この内容で決定
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          キャンセル
        </button>
      </div>
    </div>
  );
}

function DecisionState({ change, status }: { change: CellChange; status: BatchStatus }) {
  const d = effectiveDecision(change);
  if (status === 'discarded') return <span className="decision decision-none">破棄(反映していません)</span>;
  if (!proposesChange(change.kind)) return <span className="decision decision-none">反映不要(現在の値のまま)</span>;
  if (d === null) return <span className="decision decision-open">未決定</span>;
  if (losesText(change.kind) && change.decision === null && !change.applied && status === 'staged') {
    return <span className="decision decision-open">未選択(このままでは現在の値を残します)</span>;
  }
  const text = d === 'theirs' ? '府省の値を採用' : d === 'ours' ? '却下(現在の値のまま)' : '編集した値で決定';
  return (
    <span className={`decision decision-${d}`}>
      {(status === 'applied' || change.applied) && '反映済み: '}
      {text}
      {change.decision === null && status === 'staged' && <span className="muted">(既定)</span>}
    </span>
  );
}

interface RowProps {
  batch: number;
  status: BatchStatus;
  change: CellChange;
  group: BatchItemChanges;
  staged: boolean;
  busy: boolean;
  editing: boolean;
  setEditing: (on: boolean) => void;
}

export function CellChangeRow({ batch, status, change, group, staged, busy, editing, setEditing }: RowProps) {
  // A draft edition's batch names its actions field by the draft's year, not the current edition's.
  const draftYear = useRoundTrip((s) => (s.detail.status === 'ready' && s.detail.value.id === batch ? s.detail.value.draftYear : null));
  const fiscalYear = useFiscalYear();
  const fieldName = fieldLabel(change.field, draftYear ?? fiscalYear);
  const where = `${group.label || group.key} ${fieldName}`;
  const d = effectiveDecision(change);
  // A cell that would lose text shows no choice made until someone makes one (its default is to keep).
  const pressed = losesText(change.kind) ? change.decision : d;
  const choose = (decision: Decision) => {
    const req: DecisionRequest = { key: change.key, field: change.field, decision };
    void decide(batch, [req]);
  };
  const isConflict = change.kind === 'conflict';
  const warning = LOSS_WARNINGS[change.kind];
  return (
    <div
      className={`cell-change kind-${change.kind}${d === null ? ' is-open' : ''}`}
      role="group"
      aria-label={`${change.key} ${fieldName}`}
      data-change-id={change.id}
    >
      <div className="cell-head">
        <span className="cell-field">{fieldName}</span>
        <span className={`kind-badge kind-badge-${change.kind}`} title={MERGE_KIND_HELP[change.kind]}>
          {MERGE_KIND_NAMES[change.kind]}
        </span>
        {change.twoWay && (
          <span className="flag" title="送付時の値が分からないため、現在の値とだけ比べています">
            送付時の値なし
          </span>
        )}
        {change.reason && change.reason !== 'no_base' && (
          <span className="cell-reason">{REASON_NAMES[change.reason] ?? change.reason}</span>
        )}
        <span className="spacer" />
        <DecisionState change={change} status={status} />
      </div>
      {warning && (
        <p className="cell-loss-warning" role="note">
          <span aria-hidden="true">⚠</span> {warning}(「すべて採用」では反映されません。この欄で「採用」を選んだときだけ反映します)
        </p>
      )}
      <Diffs change={change} />
      {change.decision === 'edit' && !editing && (
        <div className="cell-edited">
          <h4 className="cell-diff-title">決定した値(編集済み)</h4>
          <CellDiffView before={change.base ?? change.ours} after={change.edited ?? ''} />
        </div>
      )}
      {staged && !change.applied && proposesChange(change.kind) && !editing && (
        <div className="cell-actions" role="group" aria-label={`${change.key} ${fieldName}の決定`}>
          {isConflict ? (
            <>
              <button
                type="button"
                className="button button-small"
                aria-pressed={d === 'theirs'}
                disabled={busy}
                onClick={() => choose('theirs')}
              >
                府省の値を採る
              </button>
              <button
                type="button"
                className="button button-small"
                aria-pressed={d === 'ours'}
                disabled={busy}
                onClick={() => choose('ours')}
              >
                現在の値を残す
              </button>
              <button
                type="button"
                className="button button-small"
                aria-pressed={d === 'edit'}
                disabled={busy}
                onClick={() => setEditing(true)}
              >
                編集して決める…
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="button button-small"
                aria-pressed={pressed === 'theirs'}
                disabled={busy}
                onClick={() => choose('theirs')}
              >
                採用
              </button>
              <button
                type="button"
                className="button button-small"
                aria-pressed={pressed === 'ours'}
                disabled={busy}
                onClick={() => choose('ours')}
              >
                却下
              </button>
              <button
                type="button"
                className="button button-small"
                aria-pressed={pressed === 'edit'}
                disabled={busy}
                onClick={() => setEditing(true)}
              >
                編集…
              </button>
            </>
          )}
        </div>
      )}
      {editing && <ConflictEditor batch={batch} change={change} where={where} onDone={() => setEditing(false)} />}
    </div>
  );
}

export function ItemHeadRow({
  group,
  staged,
  busy,
  shown,
  batch,
}: {
  group: BatchItemChanges;
  staged: boolean;
  busy: boolean;
  shown: number;
  batch: number;
}) {
  // The item's buttons decide what a bulk choice may: not the cells that would be emptied or cut down.
  const proposing = group.changes.filter((c) => !c.applied && BULK_DECIDED_KINDS.includes(c.kind)).length;
  return (
    <div className="review-item">
      <h3 className="review-item-title">
        {group.label && <span className="item-title-label">{group.label}</span>}
        {group.title || '(計画にない項目)'}
      </h3>
      <span className="item-key">{group.key}</span>
      <span className="muted review-item-count">{shown} 欄</span>
      <span className="spacer" />
      <button type="button" className="link-button review-open-item" onClick={() => openItem(group.key)}>
        項目を開く
      </button>
      {staged && proposing > 0 && (
        <span className="review-item-actions" role="group" aria-label={`${group.label || group.key} の全欄`}>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => void decide(batch, [{ key: group.key, decision: 'theirs' }])}
          >
            この項目をすべて採用
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => void decide(batch, [{ key: group.key, decision: 'ours' }])}
          >
            すべて却下
          </button>
        </span>
      )}
    </div>
  );
}
