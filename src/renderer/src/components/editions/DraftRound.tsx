// Next year's round on the editions screen: 「新年度の照会を始める」 while there is no draft; with a
// draft, its inquiry workbooks per ministry (令和N+1年度の取組 to fill in, last year's directions
// beside) and 「公開する」 behind a confirmation. Answers come back through the Excel import as usual
// and merge into the draft.
import { useEffect, useState } from 'react';
import type { EditionInfo } from '../../../../shared/editions/edition';
import { actionsLabel, editionLabel, fiscalYearLabel, previousFutureLabel } from '../../../../shared/editions/fiscal-year';
import { MINISTRY_NAMES, type MinistryCode } from '../../../../shared/domain';
import {
  discardDraftRound,
  exportDraftInquiries,
  loadDraftMinistries,
  publishDraftRound,
  startDraftRound,
  useDraftRound,
} from '../../state/draft-round';
import { ConfirmDialog, DISCARD, PUBLISH } from '../common/ConfirmDialog';

function Notice() {
  const notice = useDraftRound((s) => s.notice);
  if (!notice) return null;
  return (
    <p className={notice.kind === 'ok' ? 'notice' : 'notice notice-error'} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  );
}

function PublishDialog({
  draft,
  current,
  open,
  onClose,
}: {
  draft: EditionInfo;
  current: EditionInfo;
  open: boolean;
  onClose: () => void;
}) {
  const busy = useDraftRound((s) => s.busy);
  return (
    <ConfirmDialog
      open={open}
      title={`${editionLabel(draft.fiscalYear)}を公開`}
      onClose={onClose}
      busy={busy}
      action={PUBLISH}
      onConfirm={() => publishDraftRound(draft.fiscalYear)}
    >
      <ul className="apply-preview">
        <li>
          {editionLabel(draft.fiscalYear)}(作成中、{draft.items}{' '}
          項目)が現在の版になります。各項目の内容は、作成中の版に反映した回答のとおりになります(変更履歴に記録します)。
        </li>
        <li>{editionLabel(current.fiscalYear)}は過去の版として、いまの内容のまま閲覧できます(編集はできません)。</li>
        <li>項目の管理番号は変わりません。</li>
      </ul>
    </ConfirmDialog>
  );
}

function DiscardDialog({ draft, open, onClose }: { draft: EditionInfo; open: boolean; onClose: () => void }) {
  const busy = useDraftRound((s) => s.busy);
  return (
    <ConfirmDialog
      open={open}
      title={`${editionLabel(draft.fiscalYear)}(作成中)を破棄`}
      onClose={onClose}
      busy={busy}
      action={DISCARD}
      onConfirm={() => discardDraftRound(draft.fiscalYear)}
    >
      <p>作成中の版と、反映した回答を破棄します。現在の版は変わりません。この版の照会票が後から返ってきても取り込めなくなります。</p>
    </ConfirmDialog>
  );
}

function DraftPanel({ draft, current }: { draft: EditionInfo; current: EditionInfo }) {
  const busy = useDraftRound((s) => s.busy);
  const ministries = useDraftRound((s) => (s.ministries?.fiscalYear === draft.fiscalYear ? s.ministries.codes : null));
  const [chosen, setChosen] = useState<Set<MinistryCode> | null>(null);
  const [due, setDue] = useState('');
  const [confirm, setConfirm] = useState<'publish' | 'discard' | null>(null);
  useEffect(() => {
    void loadDraftMinistries(draft.fiscalYear);
  }, [draft.fiscalYear]);
  const selected = chosen ?? new Set(ministries ?? []);
  const toggle = (code: MinistryCode) => {
    const next = new Set(selected);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setChosen(next);
  };
  const label = editionLabel(draft.fiscalYear);
  return (
    <section aria-labelledby="draft-round-title" className="draft-round">
      <h2 id="draft-round-title" className="section-title">
        {label}(作成中)の照会
      </h2>
      <p>
        各府省に{actionsLabel(draft.fiscalYear)}と今後の方向性の記入を依頼する照会票を出力します。照会票には「{previousFutureLabel}」(
        {editionLabel(current.fiscalYear)}
        の記載)が参考として並びます。返ってきた照会票は「ファイル」→「回答を取り込む…」で取り込むと、現在の版ではなく{label}に反映されます。
      </p>
      <fieldset className="draft-ministries" disabled={busy}>
        <legend>出力する府省</legend>
        {ministries === null ? (
          <span className="muted">読み込んでいます…</span>
        ) : (
          ministries.map((code) => (
            <label key={code} className="draft-ministry">
              <input type="checkbox" checked={selected.has(code)} onChange={() => toggle(code)} /> {MINISTRY_NAMES[code]}
            </label>
          ))
        )}
      </fieldset>
      <label className="draft-due">
        回答期限(任意){' '}
        <input
          type="text"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          placeholder={`例: ${fiscalYearLabel(draft.fiscalYear - 1).replace('年度', '年')}12月1日`}
        />
      </label>
      <div className="draft-actions">
        <button
          type="button"
          className="button"
          disabled={busy || selected.size === 0}
          onClick={() => void exportDraftInquiries(draft.fiscalYear, [...selected], due)}
        >
          {label}の照会票を出力({selected.size} 府省)
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => setConfirm('publish')}>
          公開する
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setConfirm('discard')}>
          作成中の版を破棄…
        </button>
      </div>
      <Notice />
      <PublishDialog draft={draft} current={current} open={confirm === 'publish'} onClose={() => setConfirm(null)} />
      <DiscardDialog draft={draft} open={confirm === 'discard'} onClose={() => setConfirm(null)} />
    </section>
  );
}

/** The round of the year after the current edition: start it, or work on its draft. */
export function DraftRound({ editions }: { editions: EditionInfo[] }) {
  const busy = useDraftRound((s) => s.busy);
  const current = editions.find((e) => e.status === 'current');
  const draft = editions.find((e) => e.status === 'draft');
  if (!current) return null;
  if (draft) return <DraftPanel draft={draft} current={current} />;
  const next = current.fiscalYear + 1;
  return (
    <section aria-labelledby="draft-round-title" className="draft-round">
      <h2 id="draft-round-title" className="section-title">
        新年度の照会
      </h2>
      <p>
        {editionLabel(current.fiscalYear)}をもとに{editionLabel(next)}
        を作成中の版として作ります。小項目名・区分・担当府省は引き継ぎ、{actionsLabel(next)}
        は空欄、今後の方向性はいまの記載を下書きとして写します。現在の版は公開するまで変わりません。
      </p>
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void startDraftRound(next)}>
        新年度の照会を始める({editionLabel(next)})
      </button>
      <Notice />
    </section>
  );
}
