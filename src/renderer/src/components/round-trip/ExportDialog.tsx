// Exports: the per-ministry inquiry workbooks (照会シート: one or several ministries, all involved
// items or only those a ministry leads, a due date and a contact line) and the consolidated table.
// The API returns each workbook's bytes and the page saves them as downloads (one file per ministry).
import { actionsLabel, editionLabel, futureLabel } from '../../../../shared/editions/fiscal-year';
import { useMemo, useState, type FormEvent } from 'react';
import { MINISTRY_CODES, MINISTRY_NAMES, type MinistryCode } from '../../../../shared/domain';
import type { ExportedFileInfo } from '../../../../shared/imports';
import { invoke } from '../../api-client';
import { saveBase64 } from '../../files';
import { closeFileDialog, useRoundTrip } from '../../state/round-trip';
import { useApp } from '../../state/app-state';
import { messageOf } from '../../state/error-message';
import { useShownFiscalYear } from '../../state/plan-selectors';
import { Dialog } from '../common/Dialog';
import { StatusMessage } from '../common/StatusMessage';

type Run =
  { status: 'idle' } | { status: 'working' } | { status: 'done'; files: ExportedFileInfo[] } | { status: 'error'; message: string };

/** 2026-12-01 → 令和8年12月1日(火), as the liaisons read dates. */
export function japaneseDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const text = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
  const weekday = new Intl.DateTimeFormat('ja-JP', { weekday: 'short', timeZone: 'UTC' }).format(date);
  return `${text.replace(/^令和1年/, '令和元年')}(${weekday})`;
}

function Done({ files, onClose }: { files: ExportedFileInfo[]; onClose: () => void }) {
  return (
    <>
      <p className="notice" role="status">
        {files.length} 件のファイルを保存しました(保存先はブラウザーまたはアプリのダウンロードの設定に従います)。
      </p>
      <ul className="export-results">
        {files.map((f) => (
          <li key={f.exportId}>
            <span className="export-file">{f.file}</span>
            <span className="muted">{f.items} 項目</span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          閉じる
        </button>
      </div>
    </>
  );
}

function MinistryExportForm() {
  const items = useApp((s) => s.items);
  const [ministries, setMinistries] = useState<MinistryCode[]>([]);
  const [leadOnly, setLeadOnly] = useState(false);
  const [due, setDue] = useState('');
  const [contact, setContact] = useState('');
  const [run, setRun] = useState<Run>({ status: 'idle' });

  const counts = useMemo(() => {
    const out = {} as Record<MinistryCode, { all: number; lead: number }>;
    for (const m of MINISTRY_CODES) out[m] = { all: 0, lead: 0 };
    for (const it of items) {
      for (const m of it.ministries) out[m].all += 1;
      for (const m of it.lead) out[m].lead += 1;
    }
    return out;
  }, [items]);
  const countOf = (m: MinistryCode) => (leadOnly ? counts[m].lead : counts[m].all);
  const chosen = ministries.filter((m) => countOf(m) > 0);
  const dueText = japaneseDate(due);

  if (run.status === 'done') return <Done files={run.files} onClose={closeFileDialog} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) return;
    setRun({ status: 'working' });
    try {
      const files = await invoke('excel.exportMinistry', {
        ministries: MINISTRY_CODES.filter((m) => chosen.includes(m)),
        leadOnly,
        dueDate: dueText || undefined,
        contact: contact.trim() || undefined,
      });
      for (const f of files) if (f.dataBase64) saveBase64(f.file, f.dataBase64);
      setRun({ status: 'done', files });
    } catch (err) {
      setRun({ status: 'error', message: messageOf(err) });
    }
  };

  const toggle = (m: MinistryCode, on: boolean) => setMinistries((list) => (on ? [...list, m] : list.filter((x) => x !== m)));
  const working = run.status === 'working';

  return (
    <form onSubmit={(e) => void submit(e)} className="export-form">
      <p>府省ごとに1つの Excel ファイル(回答シート・記入要領つき)を作ります。返ってきたファイルは「回答を取り込む…」で取り込めます。</p>
      <fieldset className="export-fieldset">
        <legend>府省(複数選べます)</legend>
        <div className="ministry-grid">
          {MINISTRY_CODES.map((m) => (
            <label key={m} className={`ministry-choice${countOf(m) === 0 ? ' is-empty' : ''}`}>
              <input
                type="checkbox"
                checked={ministries.includes(m)}
                disabled={countOf(m) === 0 || working}
                onChange={(e) => toggle(m, e.target.checked)}
              />
              <span className="badge">{m}</span>
              <span className="ministry-name" title={MINISTRY_NAMES[m]}>
                {MINISTRY_NAMES[m]}
              </span>
              <span className="count">{countOf(m)}</span>
            </label>
          ))}
        </div>
        <div className="export-select">
          <button
            type="button"
            className="link-button"
            onClick={() => setMinistries(MINISTRY_CODES.filter((m) => countOf(m) > 0))}
            disabled={working}
          >
            すべて選ぶ
          </button>
          <button type="button" className="link-button" onClick={() => setMinistries([])} disabled={working}>
            選択を外す
          </button>
        </div>
      </fieldset>
      <fieldset className="export-fieldset">
        <legend>対象の項目</legend>
        <label className="radio">
          <input type="radio" name="scope" checked={!leadOnly} onChange={() => setLeadOnly(false)} disabled={working} />
          関係する項目すべて(◎ 主担当の項目を含む)
        </label>
        <label className="radio">
          <input type="radio" name="scope" checked={leadOnly} onChange={() => setLeadOnly(true)} disabled={working} />
          主担当(◎)の項目のみ
        </label>
      </fieldset>
      <div className="export-fields">
        <label className="editor-field">
          <span className="editor-label">回答期限</span>
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} disabled={working} aria-describedby="export-due-help" />
          <span id="export-due-help" className="editor-hint">
            {dueText ? `記入要領に「回答期限: ${dueText}」と書きます。` : '空欄なら「別途ご連絡します」と書きます。'}
          </span>
        </label>
        <label className="editor-field">
          <span className="editor-label">問い合わせ先</span>
          <input
            type="text"
            value={contact}
            onChange={(e) => setContact(e.target.value)}
            maxLength={500}
            placeholder="例: 協議会事務局 山田(内線1234)"
            disabled={working}
          />
        </label>
      </div>
      {run.status === 'error' && <StatusMessage kind="error">出力できませんでした: {run.message}</StatusMessage>}
      {working && <StatusMessage kind="loading">{chosen.length} 府省分のファイルを作成しています…</StatusMessage>}
      <div className="dialog-actions">
        <span className="export-summary muted">
          {chosen.length === 0
            ? '府省を選んでください'
            : `${chosen.length} ファイル(${chosen.map((m) => `${m} ${countOf(m)}項目`).join('、')})`}
        </span>
        <button type="submit" className="button button-primary" disabled={chosen.length === 0 || working}>
          出力
        </button>
        <button type="button" className="button" onClick={closeFileDialog}>
          キャンセル
        </button>
      </div>
    </form>
  );
}

function TableExportForm() {
  const count = useApp((s) => s.items.length);
  // While a past edition is shown, its table as it was published.
  const archived = useApp((s) => s.archivedEdition);
  const fiscalYear = useShownFiscalYear();
  const [run, setRun] = useState<Run>({ status: 'idle' });
  if (run.status === 'done') return <Done files={run.files} onClose={closeFileDialog} />;
  const go = async () => {
    setRun({ status: 'working' });
    try {
      const file = await invoke('excel.exportTable', archived === null ? {} : { edition: archived });
      if (file.dataBase64) saveBase64(file.file, file.dataBase64);
      setRun({ status: 'done', files: [file] });
    } catch (err) {
      setRun({ status: 'error', message: messageOf(err) });
    }
  };
  return (
    <>
      {archived === null ? (
        <p>
          計画の全 {count} 項目を、元の資料と同じ3列(小項目/{actionsLabel(fiscalYear)}/{futureLabel})の一覧表として Excel
          に出力します。反映済みの回答が含まれます。
        </p>
      ) : (
        <p>
          {editionLabel(archived)}(過去の版)の全 {count} 項目を、公開されたときの内容のまま、元の資料と同じ3列(小項目/
          {actionsLabel(fiscalYear)}/{futureLabel})の一覧表として Excel に出力します。
        </p>
      )}
      {run.status === 'error' && <StatusMessage kind="error">出力できませんでした: {run.message}</StatusMessage>}
      {run.status === 'working' && <StatusMessage kind="loading">ファイルを作成しています…</StatusMessage>}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={() => void go()} disabled={run.status === 'working'} autoFocus>
          出力
        </button>
        <button type="button" className="button" onClick={closeFileDialog}>
          キャンセル
        </button>
      </div>
    </>
  );
}

export function ExportDialogs() {
  const dialog = useRoundTrip((s) => s.dialog);
  return (
    <>
      <Dialog open={dialog === 'export-ministry'} title="府省別照会シートを出力" onCancel={closeFileDialog} className="dialog-wide">
        {dialog === 'export-ministry' && <MinistryExportForm />}
      </Dialog>
      <Dialog open={dialog === 'export-table'} title="協議会資料を出力" onCancel={closeFileDialog}>
        {dialog === 'export-table' && <TableExportForm />}
      </Dialog>
    </>
  );
}
