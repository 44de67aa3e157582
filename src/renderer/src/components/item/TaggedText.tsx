// A bullet's text as written, with its ministry tags (【文】) set off so the sentence reads first.
// Text only: the tags are found with the shared tag reader, nothing is parsed as markup.
import type { ReactNode } from 'react';
import { findBrackets, parseMinistryList } from '../../../../shared/text/tags';

export function TaggedText({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let at = 0;
  for (const b of findBrackets(text)) {
    if (!parseMinistryList(b.inner)) continue;
    if (b.start > at) out.push(text.slice(at, b.start));
    out.push(
      <span key={b.start} className="inline-tag">
        {text.slice(b.start, b.end)}
      </span>,
    );
    at = b.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
