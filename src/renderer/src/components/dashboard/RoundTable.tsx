// The round with the ministries (照会状況): the secretariat's tracker, one row per ministry.
import type { DashboardFigures } from '../../../../shared/dashboard';
import { MINISTRY_NAMES } from '../../../../shared/domain';
import type { OpenFigure } from './charts';

const when = (iso: string | null) => (iso === null ? '—' : iso.slice(0, 16).replace('T', ' '));

export function RoundTable({ round, onOpen }: { round: DashboardFigures['round']; onOpen: OpenFigure }) {
  const awaiting = round.filter((r) => r.awaiting).map((r) => r.ministry);
  return (
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
              <td>{r.conflictsOpen}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
