// Text with marked spans (search matches), rendered as text nodes and <mark>: never as HTML.
import type { ReactNode } from 'react';

interface Props {
  text: string;
  marks: readonly { start: number; end: number }[];
}

export function Highlighted({ text, marks }: Props) {
  const out: ReactNode[] = [];
  let at = 0;
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue;
    if (m.start > at) out.push(text.slice(at, m.start));
    out.push(<mark key={m.start}>{text.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
