// Loading, empty and error states: one look, one place for their roles.
import type { ReactNode } from 'react';

interface Props {
  kind: 'loading' | 'empty' | 'error';
  children: ReactNode;
  action?: ReactNode;
}

export function StatusMessage({ kind, children, action }: Props) {
  return (
    <div className={`status status-${kind}`} role={kind === 'error' ? 'alert' : 'status'} aria-busy={kind === 'loading' || undefined}>
      {kind === 'loading' && <span className="spinner" aria-hidden="true" />}
      <p>{children}</p>
      {action}
    </div>
  );
}
