// The edition diff (新旧対照): two editions picked, then what was added, dropped, renumbered, moved
// and changed between them (each changed field with its word diff), and the 新旧対照表 workbook saved
// as a download.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EditionDiff } from '../../../../shared/editions/batch';
import { editionLabel } from '../../../../shared/editions/fiscal-year';
import { MATCH_KIND_LABELS, editionFieldLabel } from '../../../../shared/editions/vocabulary';
import { downloadComparison, loadEditionDiff, useEditions } from '../../state/editions';
import { messageOf } from '../../state/error-message';
import { openItem } from '../../state/screens';
import { StatusMessage } from '../common/StatusMessage';
import { CellDiffView } from '../history/DiffView';

function ItemLink({ itemKey, children }: { itemKey: string; children: ReactNode }) {
  return (
    <button type="button" className="link-button" onClick={() => openItem(itemKey)}>
      {children}
    </button>
  );
}

function DiffBodyView({ diff }: { diff: EditionDiff }) {
  const changed = useMemo(() => {
    const byKey = new Map<string, EditionDiff['changed']>();
    for (const c of diff.changed) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
    return [...byKey.entries()];
  }, [diff]);
  const fieldName = (field: EditionDiff['changed'][number]['field']) =>
    field === 'actions' && diff.from !== diff.to
      ? `取組(${editionLabel(diff.from)} → ${editionLabel(diff.to)})`
      : editionFieldLabel(field, diff.to);
  const none = diff.added.length + diff.dropped.length + diff.renumbered.length + diff.moved.length + diff.changed.length === 0;
  if (none) return <StatusMessage kind="empty">2つの版の内容は同じです。</StatusMessage>;
  return (
    <div className="edition-diff-body">
      <p className="edition-diff-summary" role="status">
        {MATCH_KIND_LABELS.added} {diff.added.length}・{MATCH_KIND_LABELS.dropped} {diff.dropped.length}・{MATCH_KIND_LABELS.renumbered}{' '}
        {diff.renumbered.length}・{MATCH_KIND_LABELS.moved} {diff.moved.length}・{MATCH_KIND_LABELS.edited} {changed.length} 項目
      </p>
      {diff.added.length > 0 && (
        <section className="edition-class" aria-label={MATCH_KIND_LABELS.added}>
          <h3 className="edition-class-title">
            <span className="edition-kind edition-kind-added">{MATCH_KIND_LABELS.added}</span> {diff.added.length} 件
          </h3>
          <ul className="edition-rows">
            {diff.added.map((a) => (
              <li key={a.key} className="edition-row" data-key={a.key}>
                <ItemLink itemKey={a.key}>{a.key}</ItemLink> {a.section} {a.label}
                {a.title}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.dropped.length > 0 && (
        <section className="edition-class" aria-label={MATCH_KIND_LABELS.dropped}>
          <h3 className="edition-class-title">
            <span className="edition-kind edition-kind-dropped">{MATCH_KIND_LABELS.dropped}</span> {diff.dropped.length} 件
          </h3>
          <ul className="edition-rows">
            {diff.dropped.map((d) => (
              <li key={d.key} className="edition-row" data-key={d.key}>
                <span className="edition-key">{d.key}</span> {d.section} {d.label}
                {d.title}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(['renumbered', 'moved'] as const).map((kind) =>
        diff[kind].length > 0 ? (
          <section key={kind} className="edition-class" aria-label={MATCH_KIND_LABELS[kind]}>
            <h3 className="edition-class-title">
              <span className={`edition-kind edition-kind-${kind}`}>{MATCH_KIND_LABELS[kind]}</span> {diff[kind].length} 件
            </h3>
            <ul className="edition-rows">
              {diff[kind].map((r) => (
                <li key={r.key} className="edition-row" data-key={r.key}>
                  <ItemLink itemKey={r.key}>{r.key}</ItemLink> <span className="edition-label">{`${r.from || '—'} → ${r.to || '—'}`}</span>{' '}
                  {r.title}
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {changed.length > 0 && (
        <section className="edition-class" aria-label={MATCH_KIND_LABELS.edited}>
          <h3 className="edition-class-title">
            <span className="edition-kind edition-kind-edited">{MATCH_KIND_LABELS.edited}</span> {changed.length} 項目
          </h3>
          <ul className="edition-rows">
            {changed.map(([key, fields]) => (
              <li key={key} className="edition-row" data-key={key}>
                <div className="edition-row-head">
                  <ItemLink itemKey={key}>{key}</ItemLink>
                  <span className="edition-title">{fields[0]!.title}</span>
                </div>
                <div className="edition-changes">
                  {fields.map((c) => (
                    <section key={c.field} className="edition-change">
                      <h4 className="edition-change-field">{fieldName(c.field)}</h4>
                      <CellDiffView before={c.before} after={c.after} />
                    </section>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function EditionDiffView() {
  const editions = useEditions((s) => s.editions);
  const years = useEditions((s) => s.diffYears);
  const diff = useEditions((s) => s.diff);
  const [saving, setSaving] = useState<
    { status: 'idle' | 'working' } | { status: 'done'; file: string } | { status: 'error'; message: string }
  >({ status: 'idle' });
  const held = editions.status === 'ready' ? editions.value.filter((e) => e.status !== 'draft') : [];
  // The latest two editions by default: last year's against the current one.
  const defaults = held.length >= 2 ? { from: held.at(-2)!.fiscalYear, to: held.at(-1)!.fiscalYear } : null;
  const shown = years ?? defaults;
  useEffect(() => {
    if (!years && defaults) void loadEditionDiff(defaults.from, defaults.to);
  }, [years, defaults?.from, defaults?.to]); // eslint-disable-line react-hooks/exhaustive-deps -- defaults derive from the list

  if (editions.status !== 'ready') return <StatusMessage kind="loading">版の一覧を読み込んでいます…</StatusMessage>;
  if (!shown)
    return (
      <StatusMessage kind="empty">版が1つしかないため、比べる版がありません。新しい版を取り込むと新旧対照を表示できます。</StatusMessage>
    );
  const pick = (which: 'from' | 'to', value: number) => {
    setSaving({ status: 'idle' });
    void loadEditionDiff(which === 'from' ? value : shown.from, which === 'to' ? value : shown.to);
  };
  const select = (which: 'from' | 'to', label: string) => (
    <label className="edition-pick">
      {label}
      <select value={shown[which]} onChange={(e) => pick(which, Number(e.target.value))}>
        {held.map((e) => (
          <option key={e.fiscalYear} value={e.fiscalYear}>
            {editionLabel(e.fiscalYear)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="edition-diff" aria-labelledby="edition-diff-title">
      <h2 id="edition-diff-title" className="section-title">
        新旧対照: {editionLabel(shown.to)}(新) と {editionLabel(shown.from)}(旧)
      </h2>
      <div className="edition-diff-toolbar">
        {select('from', '旧')}
        {select('to', '新')}
        <span className="spacer" />
        <button
          type="button"
          className="button button-primary"
          disabled={saving.status === 'working' || shown.from === shown.to}
          onClick={() => {
            setSaving({ status: 'working' });
            downloadComparison(shown.from, shown.to).then(
              (file) => setSaving({ status: 'done', file }),
              (err: unknown) => setSaving({ status: 'error', message: messageOf(err) }),
            );
          }}
        >
          {saving.status === 'working' ? '作成しています…' : '新旧対照表を Excel で保存'}
        </button>
      </div>
      {saving.status === 'done' && (
        <p className="notice" role="status">
          {saving.file} を保存しました(保存先はブラウザーまたはアプリのダウンロードの設定に従います)。
        </p>
      )}
      {saving.status === 'error' && (
        <p className="notice notice-error" role="alert">
          新旧対照表を作成できませんでした: {saving.message}
        </p>
      )}
      {shown.from === shown.to ? (
        <StatusMessage kind="empty">新と旧に違う版を選んでください。</StatusMessage>
      ) : diff.status === 'ready' ? (
        <DiffBodyView diff={diff.value} />
      ) : diff.status === 'error' ? (
        <StatusMessage kind="error">比べられませんでした: {diff.message}</StatusMessage>
      ) : (
        <StatusMessage kind="loading">2つの版を比べています…</StatusMessage>
      )}
    </section>
  );
}
