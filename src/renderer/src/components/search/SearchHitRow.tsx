// One search hit: where it is (item key and field, or a section) and the snippet with the match marked.
import { fieldLabel } from '../../../../shared/fields';
import { useShownFiscalYear } from '../../state/plan-selectors';
import { editionLabel } from '../../../../shared/editions/fiscal-year';
import type { SearchHit } from '../../../../shared/api';
import type { ItemSummary, Section } from '../../../../shared/domain';
import { sectionName } from '../../state/filters';
import { Highlighted } from '../common/Highlighted';

export const HIT_ROW_HEIGHT = 106;

interface Props {
  hit: SearchHit;
  item: ItemSummary | undefined;
  section: Section | undefined;
}

export function SearchHitRow({ hit, item, section }: Props) {
  const shown = useShownFiscalYear();
  // A hit of another edition names its edition and that edition's actions field.
  const fiscalYear = hit.edition ?? shown;
  const other = hit.edition !== undefined && hit.edition !== shown;
  const where = item && !other ? `${item.label} ${item.key}` : section ? `${sectionName(section)} ${section.title}` : hit.key;
  const position = hit.field === 'actions' || hit.field === 'future' || hit.field === 'intro' ? ` ${hit.ord + 1}番目` : '';
  return (
    <div className="hit-row">
      <div className="hit-row-head">
        <span className="hit-where">{where}</span>
        {hit.edition !== undefined && (
          <span className={other ? 'hit-edition hit-edition-other' : 'hit-edition'}>{editionLabel(hit.edition)}</span>
        )}
        <span className="hit-field">
          {fieldLabel(hit.field, fiscalYear)}
          {position}
        </span>
      </div>
      <div className="hit-snippet">
        <Highlighted text={hit.snippet} marks={hit.marks} />
      </div>
    </div>
  );
}
