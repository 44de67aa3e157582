// An item's quality labels as badges: in the list only those that need attention (the row is small),
// in the item view all of them with the reason and the words that earned each.
import type { QualityLabel } from '../../../../shared/quality';
import { useFacets } from '../../state/facets';
import { setView } from '../../state/screens';
import '../../styles/dashboard.css';

export function QualityBadge({ label }: { label: QualityLabel }) {
  return (
    <span className={`quality-badge quality-${label.tone}`} title={label.reason}>
      {label.label}
    </span>
  );
}

export function QualityBadges({ itemKey, detailed = false }: { itemKey: string; detailed?: boolean }) {
  const labels = useFacets((s) => s.facets?.[itemKey]?.quality);
  if (!labels) return null;
  if (!detailed) {
    const attention = labels.filter((l) => l.tone === 'attention');
    if (attention.length === 0) return null;
    return (
      <span className="quality-badges" aria-label="品質ラベル">
        {attention.map((l) => (
          <QualityBadge key={l.id} label={l} />
        ))}
      </span>
    );
  }
  return (
    <details className="quality-panel">
      <summary>
        品質ラベル{' '}
        {labels.map((l) => (
          <QualityBadge key={l.id} label={l} />
        ))}
      </summary>
      <dl className="quality-reasons">
        {labels.map((l) => (
          <div key={l.id}>
            <dt>
              {l.group}: {l.label}
            </dt>
            <dd>{l.reason}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="link-button" onClick={() => setView('quality-help')}>
        品質ラベルの説明
      </button>
    </details>
  );
}
