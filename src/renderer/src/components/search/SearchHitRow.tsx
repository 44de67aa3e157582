// One search hit: where it is (item key and field, or a section) and the snippet with the match marked.
import type { SearchHit } from '../../../../shared/api';
import type { ItemSummary, Section } from '../../../../shared/domain';
import { sectionName } from '../../state/filters';
import { Highlighted } from '../common/Highlighted';

export const HIT_ROW_HEIGHT = 106;

export const FIELD_NAMES: Record<SearchHit['field'], string> = {
  title: '小項目名',
  actions: '令和7年度の取組',
  future: '今後の方向性',
  section: '区分名',
  intro: '中項目の説明',
};

interface Props {
  hit: SearchHit;
  item: ItemSummary | undefined;
  section: Section | undefined;
}

export function SearchHitRow({ hit, item, section }: Props) {
  const where = item ? `${item.label} ${item.key}` : section ? `${sectionName(section)} ${section.title}` : hit.key;
  const position = hit.field === 'actions' || hit.field === 'future' || hit.field === 'intro' ? ` ${hit.ord + 1}番目` : '';
  return (
    <div className="hit-row">
      <div className="hit-row-head">
        <span className="hit-where">{where}</span>
        <span className="hit-field">
          {FIELD_NAMES[hit.field]}
          {position}
        </span>
      </div>
      <div className="hit-snippet">
        <Highlighted text={hit.snippet} marks={hit.marks} />
      </div>
    </div>
  );
}
