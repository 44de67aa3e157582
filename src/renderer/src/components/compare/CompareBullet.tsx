// One bullet in the comparison, either side: its number (取n / 方n), text with tags, and what links
// it to the other side — numbered references, the label of a future direction, its dates — or a
// mark that nothing does.
import { actionsLabel } from '../../../../shared/editions/fiscal-year';
import { useShownFiscalYear } from '../../state/plan-selectors';
import type { KeyboardEvent } from 'react';
import type { FutureAnalysis } from '../../../../shared/compare';
import type { TaggedBullet } from '../../../../shared/domain';
import { BulletTags } from '../item/BulletList';
import { TaggedText } from '../item/TaggedText';
import { AnnotatedText } from '../annotations/AnnotatedText';
import { LABEL_HELP, LABEL_NAMES, commitments, dateLabel, refName, type BulletRef, type Side } from './compare-model';

interface Props {
  side: Side;
  index: number;
  bullet: TaggedBullet;
  /** Indices on the other side this bullet is linked to. */
  links: number[];
  /** Future side only. */
  analysis?: FutureAnalysis;
  unmatched: boolean;
  state: 'active' | 'linked' | 'dimmed' | 'normal';
  isTarget: boolean;
  tabbable: boolean;
  onActivate: (ref: BulletRef | null, how: 'hover' | 'focus') => void;
  onJump: (ref: BulletRef) => void;
  onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => void;
  /** The item shown: its annotations are painted on the text, which can be selected to add one. */
  itemKey?: string;
}

export function bulletDomId(side: Side, index: number): string {
  return `cmp-${side}-${index}`;
}

export function CompareBullet({
  side,
  index,
  bullet,
  links,
  analysis,
  unmatched,
  state,
  isTarget,
  tabbable,
  onActivate,
  onJump,
  onKeyDown,
  itemKey,
}: Props) {
  const self: BulletRef = { side, index };
  const fiscalYear = useShownFiscalYear();
  const other: Side = side === 'actions' ? 'future' : 'actions';
  const dates = analysis ? commitments(analysis.dates) : [];
  const classes = [
    'cmp-bullet',
    `level-${Math.min(bullet.level, 3)}`,
    `is-${state}`,
    unmatched ? 'is-unmatched' : '',
    analysis ? `cmp-label-${analysis.label}` : '',
    isTarget ? 'is-target' : '',
  ].join(' ');
  return (
    <li
      id={bulletDomId(side, index)}
      className={classes}
      tabIndex={tabbable ? 0 : -1}
      data-side={side}
      data-index={index}
      onMouseEnter={() => onActivate(self, 'hover')}
      onMouseLeave={() => onActivate(null, 'hover')}
      onFocus={(e) => e.target === e.currentTarget && onActivate(self, 'focus')}
      onKeyDown={onKeyDown}
    >
      <span className="cmp-num" data-anchor={`${side}-${index}`}>
        {refName(self)}
      </span>
      <div className="cmp-body">
        <p className="cmp-text">
          {itemKey ? <AnnotatedText itemKey={itemKey} field={side} index={index} text={bullet.text} /> : <TaggedText text={bullet.text} />}
        </p>
        <div className="cmp-meta">
          {analysis && (
            <span className={`label label-${analysis.label}`} title={LABEL_HELP[analysis.label]}>
              {LABEL_NAMES[analysis.label]}
              {analysis.delegatedTo && `(${analysis.delegatedTo})`}
            </span>
          )}
          {dates.map((d) => (
            <span key={d.start} className="chip chip-date" title="記載された時期">
              {dateLabel(d)}
            </span>
          ))}
          {links.length > 0 && (
            <span className="cmp-refs">
              <span className="cmp-refs-caption">{side === 'future' ? '← 取組' : '今後 →'}</span>
              {links.map((i) => (
                <button
                  key={i}
                  type="button"
                  className="cmp-ref"
                  tabIndex={-1}
                  onClick={() => onJump({ side: other, index: i })}
                  aria-label={`${refName({ side: other, index: i })}へ移動`}
                >
                  {refName({ side: other, index: i })}
                </button>
              ))}
            </span>
          )}
          {unmatched && (
            <span className="flag">{side === 'actions' ? '今後の方向性に記載なし' : `対応する${actionsLabel(fiscalYear)}なし`}</span>
          )}
          <BulletTags bullet={bullet} />
        </div>
      </div>
    </li>
  );
}
