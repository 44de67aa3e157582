// The round with the ministries (照会状況): the secretariat's tracker, one row per ministry, and the
// conflicts still open per ministry as a chart. The items behind a ministry's open conflicts are a set
// of item keys (the list's `keys` filter): whether a cell conflicts is a fact of a staged file, not of
// the item.
import { useMemo } from 'react';
import type { DashboardFigures, Figure } from '../../../../shared/dashboard';
import { MINISTRY_NAMES } from '../../../../shared/domain';
import { BarList, type OpenFigure } from './charts';

type Round = DashboardFigures['round'];

/** The items with conflicts still open in a ministry's returned files. */
function conflictFigure(r: Round[number]): Figure {
  return { label: r.ministry, count: r.conflictKeys.length, filter: { keys: r.conflictKeys } };
}

const when = (iso: string | null) => (iso === null ? '—' : iso.slice(0, 16).replace('T', ' '));

export function RoundTable({ round, onOpen }: { round: Round; onOpen: OpenFigure }) {
  const awaiting = round.filter((r) => r.awaiting).map((r) => r.ministry);
  return (
    <>
      <figure className="chart chart-wide">
        <figcaption>照会状況</figcaption>
        <p className="chart-note">{awaiting.length > 0 ? `未回答: ${awaiting.join('、')}` : '照会中で未回答の府省はありません。'}</p>
        <table className="round-table">
          <thead>
            <tr>
              <th scope="col">府省</th>
              <th scope="col">項目</th>
              <th scope="col">照会出力</th>
              <th scope="col">回答受領</th>
              <th scope="col">ファイル</th>
              <th scope="col">取込待ち</th>
              <th scope="col">反映済み</th>
              <th scope="col">変更セル</th>
              <th scope="col">未解決の競合</th>
            </tr>
          </thead>
          <tbody>
            {round.map((r) => (
              <tr key={r.ministry} className={r.awaiting ? 'round-awaiting' : undefined}>
                <th scope="row" title={MINISTRY_NAMES[r.ministry]}>
                  {r.ministry}
                  {r.awaiting && <span className="round-flag">未回答</span>}
                </th>
                <td>
                  <button
                    type="button"
                    className="matrix-cell"
                    onClick={() => onOpen({ label: `${r.ministry}の項目`, count: r.items, filter: r.filter }, '照会状況')}
                    aria-label={`照会状況 ${r.ministry}の項目: ${r.items} 件`}
                  >
                    <span className="bar-count">{r.items}</span>
                  </button>
                </td>
                <td>{when(r.exportedAt)}</td>
                <td>{when(r.returnedAt)}</td>
                <td>{r.returnedFiles}</td>
                <td>{r.staged}</td>
                <td>{r.applied}</td>
                <td>{r.cellsChanged}</td>
                <td>
                  <button
                    type="button"
                    className="matrix-cell"
                    disabled={r.conflictsOpen === 0}
                    onClick={() => onOpen(conflictFigure(r), '未解決の競合')}
                    aria-label={`照会状況 ${r.ministry}の未解決の競合: ${r.conflictsOpen} 件(${r.conflictKeys.length} 項目)`}
                  >
                    <span className="bar-count">{r.conflictsOpen}</span>
                    {r.conflictsOpen > 0 && <span className="round-items">{r.conflictKeys.length} 項目</span>}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
      <div className="chart-grid">
        <OpenConflicts round={round} onOpen={onOpen} />
      </div>
    </>
  );
}

/** Per ministry, the items with conflicts still open in its returned files: a chart and its numbers. */
function OpenConflicts({ round, onOpen }: { round: Round; onOpen: OpenFigure }) {
  const figures = useMemo(() => round.filter((r) => r.conflictsOpen > 0).map((r) => conflictFigure(r)), [round]);
  if (figures.length === 0) {
    return (
      <figure className="chart">
        <figcaption>未解決の競合がある項目(府省別)</figcaption>
        <p className="chart-empty">取込待ちの回答に未解決の競合はありません。</p>
      </figure>
    );
  }
  return <BarList title="未解決の競合がある項目(府省別)" figures={figures} onOpen={onOpen} context="未解決の競合" />;
}
