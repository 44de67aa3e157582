// Staff curation of a named entity, beside its mentions: rename it, merge it into another entity,
// hide it from the graph (and bring hidden ones back). Stored apart from the text, so it survives
// a re-ingest; every change names its author.
import { useEffect, useState, type FormEvent } from 'react';
import type { EntityInfo } from '../../../../shared/graph/types';
import { NODE_TYPE_LABELS } from '../../../../shared/graph/types';
import { invoke } from '../../api-client';
import { ensureAuthor } from '../../state/author';
import { messageOf } from '../../state/error-message';
import { afterCuration, useGraph } from './graph-state';

async function curate(change: { id: string; label?: string | null; mergeInto?: string | null; hidden?: boolean }): Promise<string | null> {
  const author = await ensureAuthor();
  if (!author) return null;
  try {
    const entity = await invoke('graph.curate', { ...change, author });
    await afterCuration(change.id, entity);
    return null;
  } catch (err) {
    return messageOf(err);
  }
}

export function EntityCuration({ entity }: { entity: EntityInfo }) {
  const [label, setLabel] = useState(entity.label);
  const [target, setTarget] = useState('');
  const [others, setOthers] = useState<EntityInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const revision = useGraph((s) => s.revision);
  useEffect(() => {
    invoke('graph.entities', {}).then(
      (all) => setOthers(all.filter((e) => !e.hidden && e.id !== entity.id)),
      (err: unknown) => setError(messageOf(err)),
    );
  }, [entity.id, revision]);
  const run = async (change: Parameters<typeof curate>[0]) => setError(await curate(change));
  const rename = (e: FormEvent) => {
    e.preventDefault();
    void run({ id: entity.id, label: label.trim() === '' ? null : label });
  };
  return (
    <details className="graph-curation">
      <summary>固有名の整理(名前の変更・統合・非表示)</summary>
      <form className="graph-curation-row" onSubmit={rename}>
        <label htmlFor="graph-rename">表示名</label>
        <input id="graph-rename" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} />
        <button type="submit" className="button">
          名前を変更
        </button>
      </form>
      <div className="graph-curation-row">
        <label htmlFor="graph-merge">統合先</label>
        <select id="graph-merge" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">選んでください</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}({NODE_TYPE_LABELS[o.type]})
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={!target} onClick={() => void run({ id: entity.id, mergeInto: target })}>
          統合
        </button>
      </div>
      {entity.merged.length > 0 && (
        <p className="graph-hint">
          統合済み: {entity.merged.length} 件{' '}
          {entity.merged.map((id) => (
            <button key={id} type="button" className="link-button" onClick={() => void run({ id, mergeInto: null })}>
              {id} を分ける
            </button>
          ))}
        </p>
      )}
      <button type="button" className="button" onClick={() => void run({ id: entity.id, hidden: true })}>
        グラフに表示しない
      </button>
      {error && (
        <p className="graph-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}

/** Entities staff hid, each with a button that shows it again. */
export function HiddenEntities() {
  const revision = useGraph((s) => s.revision);
  const [hidden, setHidden] = useState<EntityInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    invoke('graph.entities', {}).then(
      (all) => setHidden(all.filter((e) => e.hidden)),
      (err: unknown) => setError(messageOf(err)),
    );
  }, [revision]);
  if (hidden.length === 0 && !error) return null;
  return (
    <section className="graph-hidden" aria-labelledby="graph-hidden-title">
      <h3 id="graph-hidden-title" className="graph-subhead">
        非表示の固有名 {hidden.length} 件
      </h3>
      <ul>
        {hidden.map((e) => (
          <li key={e.id}>
            {e.label}{' '}
            <button type="button" className="link-button" onClick={() => void curate({ id: e.id, hidden: false }).then(setError)}>
              再表示
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="graph-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
