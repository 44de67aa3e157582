// The knowledge graph screen (ナレッジグラフ): find a node, see its neighbourhood, filter node types,
// grow the picture step by step; a click on an item opens it, a click on a named entity lists where
// the plan names it, each in its sentence.
import { useEffect, useState, type FormEvent } from 'react';
import { EDGE_KIND_LABELS, NODE_TYPE_LABELS, NODE_TYPES, type GraphNode, type MentionView } from '../../../../shared/graph/types';
import { fieldLabel } from '../../../../shared/fields';
import { useFiscalYear } from '../../state/plan-selectors';
import { openItem } from '../../state/screens';
import { StatusMessage } from '../common/StatusMessage';
import { EntityCuration, HiddenEntities } from './EntityCuration';
import { GraphCanvas } from './GraphCanvas';
import { GraphExport } from './GraphExport';
import { activateNode, expandNode, searchGraph, STEP_LIMIT, toggleType, useGraph } from './graph-state';
import { NODE_COLOURS } from './graph-style';
import './graph.css';

function TypeSwatch({ type }: { type: GraphNode['type'] }) {
  return <span className={`graph-swatch graph-swatch-${type}`} aria-hidden="true" />;
}

function SearchPanel() {
  const [input, setInput] = useState(useGraph.getState().query);
  const results = useGraph((s) => s.results);
  const query = useGraph((s) => s.query);
  const searching = useGraph((s) => s.searching);
  const types = useGraph((s) => s.types);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void searchGraph(input);
  };
  return (
    <div className="graph-side">
      <form role="search" className="graph-search" onSubmit={submit}>
        <label htmlFor="graph-query">ノードを検索</label>
        <div className="graph-search-row">
          <input
            id="graph-query"
            type="search"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            placeholder="例: 次世代医療基盤法、厚、1-1-1"
          />
          <button type="submit" className="button">
            検索
          </button>
        </div>
      </form>
      {query && !searching && (
        <ul className="graph-results" aria-label="検索結果">
          {results.length === 0 && <li className="graph-empty">「{query}」に一致するノードはありません</li>}
          {results.map((n) => (
            <li key={n.id}>
              <button type="button" className="graph-result" onClick={() => void expandNode(n.id, { restart: true })}>
                <TypeSwatch type={n.type} />
                <span className="graph-result-label">{n.label}</span>
                <span className="graph-result-type">{NODE_TYPE_LABELS[n.type]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="graph-types">
        <legend>表示するノードの種類</legend>
        {NODE_TYPES.map((t) => (
          <label key={t}>
            <input type="checkbox" checked={types.includes(t)} onChange={() => toggleType(t)} />
            <TypeSwatch type={t} />
            {NODE_TYPE_LABELS[t]}
          </label>
        ))}
      </fieldset>
      <HiddenEntities />
      <GraphExport />
    </div>
  );
}

function MentionRow({ m }: { m: MentionView }) {
  const fiscalYear = useFiscalYear();
  const where =
    m.field === 'project'
      ? 'AMED事業'
      : `${m.source} ${fieldLabel(m.field, fiscalYear)}${m.field === 'title' ? '' : ` ${m.bullet + 1}番目`}`;
  return (
    <li className="graph-mention">
      <div className="graph-mention-where">
        {m.field === 'project' ? (
          where
        ) : (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              openItem(m.source, {
                target: m.field === 'title' ? null : { field: m.field as 'actions' | 'future', ord: m.bullet },
                focus: true,
              })
            }
          >
            {where}
          </button>
        )}
      </div>
      <p className="graph-sentence">
        {m.sentence.slice(0, m.sentenceStart)}
        <mark>{m.sentence.slice(m.sentenceStart, m.sentenceEnd)}</mark>
        {m.sentence.slice(m.sentenceEnd)}
      </p>
    </li>
  );
}

function Details() {
  const selected = useGraph((s) => (s.selected ? s.nodes[s.selected] : undefined));
  const mentions = useGraph((s) => s.mentions);
  const expanded = useGraph((s) => s.expanded);
  const edges = useGraph((s) => s.edges);
  if (!selected) return <p className="graph-hint">左で検索したノードを中心に、つながりを表示します。</p>;
  const links = Object.values(edges).filter((e) => e.source === selected.id || e.target === selected.id);
  const kinds = [...new Set(links.map((e) => EDGE_KIND_LABELS[e.kind]))];
  return (
    <section className="graph-details" aria-labelledby="graph-selected">
      <p className="graph-kicker">
        <TypeSwatch type={selected.type} />
        {NODE_TYPE_LABELS[selected.type]}
      </p>
      <h2 id="graph-selected" className="graph-selected">
        {selected.label}
      </h2>
      <div className="graph-actions">
        {selected.type === 'item' && (
          <button type="button" className="button" onClick={() => activateNode(selected.id)}>
            項目を開く
          </button>
        )}
        <button type="button" className="button" disabled={expanded.includes(selected.id)} onClick={() => void expandNode(selected.id)}>
          つながりを広げる
        </button>
        <button type="button" className="button" onClick={() => void expandNode(selected.id, { restart: true })}>
          中心にする
        </button>
      </div>
      <p className="graph-links">
        表示中のつながり {links.length} 本{kinds.length > 0 && `(${kinds.join('・')})`}
      </p>
      {mentions && `entity:${mentions.entity.id}` === selected.id && (
        <>
          <h3 className="graph-subhead">
            言及 {mentions.list.length} 箇所(小項目 {mentions.entity.items} 件)
          </h3>
          <EntityCuration key={`${mentions.entity.id}|${mentions.entity.label}`} entity={mentions.entity} />
          <ul className="graph-mentions" aria-label="言及箇所">
            {mentions.list.map((m) => (
              <MentionRow key={`${m.source}/${m.field}/${m.bullet}/${m.start}`} m={m} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NodeList() {
  const nodes = useGraph((s) => s.nodes);
  const truncated = useGraph((s) => s.truncated);
  const list = Object.values(nodes).sort(
    (a, b) => a.hop - b.hop || NODE_TYPES.indexOf(a.type) - NODE_TYPES.indexOf(b.type) || b.weight - a.weight,
  );
  if (list.length === 0) return null;
  return (
    <section className="graph-node-list" aria-labelledby="graph-node-list-title">
      <h3 id="graph-node-list-title" className="graph-subhead">
        表示中のノード {list.length} 件
      </h3>
      {truncated > 0 && (
        <p className="graph-hint">
          ほかに {truncated} 件のつながりがあります(重みの大きい {STEP_LIMIT} 件まで表示)。種類で絞り込むと残りも見られます。
        </p>
      )}
      <ul>
        {list.map((n) => (
          <li key={n.id}>
            <button type="button" className="graph-result" onClick={() => activateNode(n.id)} onDoubleClick={() => void expandNode(n.id)}>
              <TypeSwatch type={n.type} />
              <span className="graph-result-label">{n.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function GraphView() {
  const error = useGraph((s) => s.error);
  const empty = useGraph((s) => s.center === null);
  useEffect(() => {
    // The swatches take their colours from the same table as the canvas.
    for (const [type, colour] of Object.entries(NODE_COLOURS)) document.documentElement.style.setProperty(`--graph-${type}`, colour);
  }, []);
  return (
    <div className="graph-view">
      <SearchPanel />
      <div className="graph-stage">
        <h2 className="visually-hidden">ナレッジグラフ</h2>
        {error && <StatusMessage kind="error">{error}</StatusMessage>}
        {empty && <p className="graph-stage-hint">ノードを検索して選ぶと、そのつながりがここに表示されます。</p>}
        <GraphCanvas />
      </div>
      <div className="graph-panel">
        <Details />
        <NodeList />
      </div>
    </div>
  );
}
