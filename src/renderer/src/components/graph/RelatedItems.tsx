// 「関連項目」 on the item view: items that name the same programmes, databases, laws or bodies,
// each with the shared names, strongest first.
import { useEffect, useState } from 'react';
import type { RelatedItem } from '../../../../shared/graph/types';
import { invoke } from '../../api-client';
import { messageOf } from '../../state/error-message';
import { openItem } from '../../state/screens';
import './graph.css';

const SHOWN = 8;

type Load =
  | { key: string; status: 'loading' }
  | { key: string; status: 'ready'; items: RelatedItem[] }
  | { key: string; status: 'error'; message: string };

export function RelatedItems({ itemKey, version }: { itemKey: string; version: number }) {
  const [load, setLoad] = useState<Load>({ key: itemKey, status: 'loading' });
  useEffect(() => {
    let live = true;
    invoke('graph.related', { key: itemKey, limit: SHOWN }).then(
      (items) => live && setLoad({ key: itemKey, status: 'ready', items }),
      (err: unknown) => live && setLoad({ key: itemKey, status: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [itemKey, version]);
  const current = load.key === itemKey ? load : { status: 'loading' as const };
  return (
    <section className="related-items" aria-labelledby="related-items-title">
      <h3 id="related-items-title">関連項目</h3>
      {current.status === 'loading' && <p className="graph-hint">読み込んでいます…</p>}
      {current.status === 'error' && <p className="graph-hint">関連項目を読み込めませんでした: {current.message}</p>}
      {current.status === 'ready' && current.items.length === 0 && (
        <p className="graph-hint">同じ事業・データベース・法律などに触れている項目はありません。</p>
      )}
      {current.status === 'ready' && current.items.length > 0 && (
        <ul>
          {current.items.map((r) => (
            <li key={r.key}>
              <button type="button" className="link-button" onClick={() => openItem(r.key, { focus: true })}>
                {r.key} {r.title}
              </button>
              <div className="related-shared" aria-label="共通の固有名">
                {r.shared.map((s) => (
                  <span key={s} className="related-chip">
                    {s}
                  </span>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
