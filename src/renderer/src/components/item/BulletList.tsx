// A read-only bullet list; nested bullets indented by level. Used for section intros and anywhere a
// field is shown without the comparison.
import type { Bullet, TaggedBullet } from '../../../../shared/domain';
import { MinistryBadges } from '../common/MinistryBadges';
import { PjChips } from '../common/PjChips';
import { TaggedText } from './TaggedText';

export function BulletTags({ bullet }: { bullet: Bullet | TaggedBullet }) {
  if (!('ministries' in bullet) || (bullet.ministries.length === 0 && bullet.pj.length === 0)) return null;
  return (
    <span className="bullet-tags">
      <MinistryBadges ministries={bullet.ministries} label="この記載の府省" />
      <PjChips pj={bullet.pj} />
    </span>
  );
}

export function BulletList({ bullets, empty = '記載なし' }: { bullets: readonly (Bullet | TaggedBullet)[]; empty?: string }) {
  if (bullets.length === 0) return <p className="empty-field">{empty}</p>;
  return (
    <ul className="bullets">
      {bullets.map((b, i) => (
        <li key={i} className={`bullet level-${Math.min(b.level, 3)}`}>
          <span className="bullet-text">
            <TaggedText text={b.text} />
          </span>
          <BulletTags bullet={b} />
        </li>
      ))}
    </ul>
  );
}
