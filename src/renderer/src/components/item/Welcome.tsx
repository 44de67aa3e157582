// The main pane before an item is chosen: what the plan is, how it is divided, and the keys.
import { actionsLabel } from '../../../../shared/editions/fiscal-year';
import { useMemo } from 'react';
import { countBySection } from '../../state/filters';
import { useFacets } from '../../state/facets';
import { useApp } from '../../state/app-state';
import { replaceFilters, setFilter } from '../../state/filter-actions';
import { useEditions } from '../../state/editions';
import { useShownFiscalYear } from '../../state/plan-selectors';
import { setView } from '../../state/screens';
import { filtersFor } from '../../state/filters';
import { openKeyboardHelp } from '../layout/KeyboardHelp';
import { EVERYDAY_SHORTCUTS } from '../layout/shortcuts';

export function Welcome() {
  const overview = useApp((s) => s.overview);
  // A past edition shown: its own title and year (the overview is the current edition's).
  const fiscalYear = useShownFiscalYear();
  const archived = useApp((s) => s.archivedEdition);
  const archivedTitle = useEditions((s) =>
    archived === null || s.editions.status !== 'ready' ? null : (s.editions.value.find((e) => e.fiscalYear === archived)?.title ?? null),
  );
  const items = useApp((s) => s.items);
  const counts = useMemo(() => countBySection(items), [items]);
  const facets = useFacets((s) => s.facets);
  // Warnings someone has confirmed (確認済み) no longer count; until the facets load, every warning does.
  const withWarnings = useMemo(
    () => items.filter((it) => (facets ? (facets[it.key]?.uncheckedWarnings.length ?? 0) : it.warnings.length) > 0).length,
    [items, facets],
  );
  if (!overview) return null;
  const majors = overview.sections.filter((s) => s.level === 'major');
  const middles = overview.sections.filter((s) => s.level === 'middle');
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <p className="welcome-kicker">データ利活用・ライフコース協議会</p>
      <h2 id="welcome-title" className="welcome-title">
        {archivedTitle ?? (overview.title || '計画')}
      </h2>
      <ul className="welcome-stats">
        <li>
          <strong>{majors.length}</strong> 大項目
        </li>
        <li>
          <strong>{middles.length}</strong> 中項目
        </li>
        <li>
          <strong>{items.length}</strong> 小項目
        </li>
        <li>
          <button
            type="button"
            className="welcome-stat-link"
            onClick={() => replaceFilters(filtersFor({ uncheckedWarnings: true }, '取込時の注意(未確認)がある項目'))}
          >
            <strong>{withWarnings}</strong> 取込時の注意がある項目
          </button>
        </li>
      </ul>
      <ul className="welcome-majors">
        {majors.map((m) => (
          <li key={m.id}>
            <button type="button" className="welcome-major" onClick={() => setFilter('section', m.id)}>
              <span className="welcome-major-name">大項目{m.major}</span>
              <span className="welcome-major-title">{m.title}</span>
              <span className="count">{counts.get(m.id) ?? 0}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="welcome-hint">
        左の一覧から小項目を選ぶと、{actionsLabel(fiscalYear)}と今後の方向性を並べて比較できます。今後の方向性が定型文だけの項目は
        <button type="button" className="link-button" onClick={() => setView('boilerplate')}>
          今後の方向性の概観
        </button>
        で確認できます。
      </p>
      <h3 className="welcome-keys-title">キーボード操作</h3>
      <dl className="welcome-keys">
        {EVERYDAY_SHORTCUTS.map((s) => (
          <div key={s.keys}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p className="welcome-hint">
        <button type="button" className="link-button" onClick={openKeyboardHelp}>
          すべてのキーボード操作
        </button>
        (? または F1)
      </p>
      <p className="welcome-docs">
        資料: {overview.documents.map((d) => `${d.name}(${new Date(d.ingestedAt).toLocaleDateString('ja-JP')} 取込)`).join('、')}
      </p>
    </section>
  );
}
