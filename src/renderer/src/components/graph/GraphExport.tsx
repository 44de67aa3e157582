// Saving the whole graph for other tools (GraphML, JSON: nodes, edges, mentions with provenance),
// the same content as the CLI's `graph --graphml` / `graph --json`.
import { useState } from 'react';
import { invoke } from '../../api-client';
import { saveBase64 } from '../../files';
import { messageOf } from '../../state/error-message';

const TYPES = { graphml: 'application/graphml+xml', json: 'application/json' } as const;

function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function GraphExport() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (format: 'graphml' | 'json') => {
    setBusy(true);
    setError(null);
    try {
      const result = await invoke('graph.export', { format });
      saveBase64(`knowledge-graph.${format}`, utf8Base64(result.content ?? ''), TYPES[format]);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="graph-export" aria-labelledby="graph-export-title">
      <h3 id="graph-export-title" className="graph-subhead">
        グラフ全体の書き出し
      </h3>
      <div className="graph-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void save('graphml')}>
          GraphML
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save('json')}>
          JSON
        </button>
      </div>
      {error && (
        <p className="graph-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
