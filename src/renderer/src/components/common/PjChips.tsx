// Integrated project (統合プロジェクト) references as chips: PJ1 with its name on hover.
import { pjName } from '../../state/filters';

export function PjChips({ pj }: { pj: readonly number[] }) {
  if (pj.length === 0) return null;
  return (
    <span className="pj-chips">
      {pj.map((n) => (
        <span key={n} className="chip chip-pj" title={pjName(n)}>
          PJ{n}
        </span>
      ))}
    </span>
  );
}
