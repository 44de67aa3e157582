// The dates the future directions commit to, on a small axis of fiscal years: a dot for "in that
// year", a bar running on for "from", a bar up to the year for "by". Each mark names its bullet and
// jumps to it.
import type { Timeline } from './compare-model';
import { dateLabel, fiscalYearName, refName, type BulletRef } from './compare-model';

interface Props {
  timeline: Timeline;
  onJump: (ref: BulletRef) => void;
}

export function DateTimeline({ timeline, onJump }: Props) {
  const { years, marks, relative } = timeline;
  if (marks.length === 0 && relative.length === 0) return null;
  const columns = { gridTemplateColumns: `repeat(${Math.max(years.length, 1)}, minmax(0, 1fr))` };
  return (
    <section className="timeline" aria-label="今後の方向性に書かれた時期">
      <h3 className="timeline-title">記載された時期</h3>
      {years.length > 0 && (
        <div className="timeline-grid" style={columns}>
          {years.map((y, i) => (
            <div key={y} className="timeline-year" style={{ gridColumn: i + 1 }}>
              {fiscalYearName(y)}
            </div>
          ))}
          {marks.map((m, row) => (
            <button
              key={`${m.future}-${m.date.start}`}
              type="button"
              className={`timeline-mark shape-${m.shape}`}
              style={{ gridColumn: `${m.from} / ${m.to}`, gridRow: row + 2 }}
              onClick={() => onJump({ side: 'future', index: m.future })}
              title={m.date.text}
            >
              <span className="timeline-ref">{refName({ side: 'future', index: m.future })}</span>
              {dateLabel(m.date)}
            </button>
          ))}
        </div>
      )}
      {relative.length > 0 && (
        <ul className="timeline-relative">
          {relative.map((r) => (
            <li key={`${r.future}-${r.date.start}`}>
              <button type="button" className="link-button" onClick={() => onJump({ side: 'future', index: r.future })}>
                {refName({ side: 'future', index: r.future })}: {dateLabel(r.date)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
