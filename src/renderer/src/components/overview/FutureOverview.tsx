// The overview of future directions: per 中項目, how many items say nothing beyond boilerplate
// ("引き続き着実に進める") in their future directions, which ones, and how the future bullets split
// over the labels. Reads every item once (items.getMany) and compares each in the page.
import { useEffect, useState } from 'react';
import type { FutureLabel } from '../../../../shared/compare';
import { comparisonOf } from '../../state/comparisons';
import type { Item, Section } from '../../../../shared/domain';
import { invoke } from '../../api-client';
import { sectionName } from '../../state/filters';
import { useApp } from '../../state/app-state';
import { messageOf } from '../../state/error-message';
import { selectSections } from '../../state/plan-selectors';
import { openItem } from '../../state/screens';
import { StatusMessage } from '../common/StatusMessage';
import { LABEL_HELP, LABEL_NAMES } from '../compare/compare-model';

const LABELS: FutureLabel[] = ['continuation', 'new', 'delegated', 'boilerplate'];

interface ItemRef {
  key: string;
  label: string;
  title: string;
}

interface Group {
  section: Section | undefined;
  id: string;
  count: number;
  boilerplate: ItemRef[];
  labels: Record<FutureLabel, number>;
}

type Load =
  { status: 'loading'; done: number; total: number } | { status: 'ready'; groups: Group[] } | { status: 'error'; message: string };

/** Items fetched per request; the comparison runs in slices of this many milliseconds, then yields. */
const CHUNK = 400;
const SLICE_MS = 12;

function addToGroup(groups: Map<string, Group>, it: Item, sections: readonly Section[]): void {
  const id = `${it.major}-${it.middle}`;
  let g = groups.get(id);
  if (!g) {
    g = {
      id,
      section: sections.find((s) => s.id === id),
      count: 0,
      boilerplate: [],
      labels: { continuation: 0, new: 0, delegated: 0, boilerplate: 0 },
    };
    groups.set(id, g);
  }
  const c = comparisonOf(it);
  g.count += 1;
  if (c.boilerplateOnly) g.boilerplate.push({ key: it.key, label: it.label, title: it.title });
  for (const f of c.future) g.labels[f.label] += 1;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function FutureOverview() {
  const summaries = useApp((s) => s.items);
  const sections = useApp(selectSections);
  const [load, setLoad] = useState<Load>({ status: 'loading', done: 0, total: summaries.length });

  // Fetch and compare in chunks, yielding between slices, so a large plan never freezes the page.
  useEffect(() => {
    let live = true;
    const run = async () => {
      const groups = new Map<string, Group>();
      const keys = summaries.map((s) => s.key);
      for (let i = 0; i < keys.length; i += CHUNK) {
        const items = await invoke('items.getMany', { keys: keys.slice(i, i + CHUNK) });
        let slice = performance.now();
        for (const it of items) {
          if (!live) return;
          addToGroup(groups, it, sections);
          if (performance.now() - slice > SLICE_MS) {
            await nextTask();
            slice = performance.now();
          }
        }
        if (live) setLoad({ status: 'loading', done: Math.min(i + CHUNK, keys.length), total: keys.length });
      }
      if (live) setLoad({ status: 'ready', groups: [...groups.values()] });
    };
    run().catch((err: unknown) => live && setLoad({ status: 'error', message: messageOf(err) }));
    return () => {
      live = false;
    };
  }, [summaries, sections]);

  if (load.status === 'loading') {
    return (
      <StatusMessage kind="loading">
        全項目の今後の方向性を集計しています…{load.total > CHUNK ? `(${load.done} / ${load.total})` : ''}
      </StatusMessage>
    );
  }
  if (load.status === 'error') return <StatusMessage kind="error">集計できませんでした: {load.message}</StatusMessage>;

  const { groups } = load;
  const total = groups.reduce((n, g) => n + g.count, 0);
  const boilerplate = groups.reduce((n, g) => n + g.boilerplate.length, 0);
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title" className="overview-title" tabIndex={-1}>
        今後の方向性の概観
      </h2>
      <p className="overview-lead">
        全 {total} 項目のうち <strong>{boilerplate} 項目</strong>は、今後の方向性が定型文(「引き続き着実に進める」など)のみです。
        中項目ごとの内訳と、該当する項目を示します。
      </p>
      <table className="overview-table">
        <caption className="visually-hidden">中項目ごとの、今後の方向性が定型文のみの項目</caption>
        <thead>
          <tr>
            <th scope="col">中項目</th>
            <th scope="col" className="num">
              項目数
            </th>
            <th scope="col" className="num">
              定型文のみ
            </th>
            <th scope="col">定型文のみの項目</th>
            <th scope="col">今後の方向性の内訳(箇条書きの数)</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id} className={g.boilerplate.length > 0 ? 'has-boilerplate' : undefined}>
              <th scope="row">
                <span className="overview-section-name">{g.section ? `大項目${g.section.major} ${sectionName(g.section)}` : g.id}</span>
                <span className="overview-section-title">{g.section?.title}</span>
              </th>
              <td className="num">{g.count}</td>
              <td className="num">
                <strong>{g.boilerplate.length}</strong>
              </td>
              <td>
                {g.boilerplate.length === 0 ? (
                  <span className="muted">なし</span>
                ) : (
                  <ul className="overview-items">
                    {g.boilerplate.map((it) => (
                      <li key={it.key}>
                        <button type="button" className="link-button" onClick={() => openItem(it.key, { focus: true })}>
                          {it.label} {it.key}
                        </button>{' '}
                        <span className="overview-item-title">{it.title}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <ul className="summary-counts">
                  {LABELS.filter((l) => g.labels[l] > 0).map((l) => (
                    <li key={l} title={LABEL_HELP[l]}>
                      <span className={`label label-${l}`}>{LABEL_NAMES[l]}</span> {g.labels[l]}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
