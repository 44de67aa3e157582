// One row of the item list: number (label), key, ministries (◎ lead), start of the title.
import type { ItemSummary } from '../../../../shared/domain';
import { MinistryBadges } from '../common/MinistryBadges';
import { QualityBadges } from '../quality/QualityBadges';

export const ITEM_ROW_HEIGHT = 84;

export function ItemRow({ item }: { item: ItemSummary }) {
  return (
    <div className="item-row">
      <div className="item-row-head">
        <span className="item-label" aria-hidden={item.label ? undefined : true}>
          {item.label || '－'}
        </span>
        <span className="item-key">{item.key}</span>
        {item.relistedFrom && <span className="chip chip-relist">再掲</span>}
        <MinistryBadges ministries={item.ministries} lead={item.lead} />
      </div>
      <div className="item-row-title">
        <QualityBadges itemKey={item.key} />
        {item.title}
      </div>
    </div>
  );
}
