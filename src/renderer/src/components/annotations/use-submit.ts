// The busy / error state every annotation form shares: run one request at a time, show its error in
// Japanese, and call onDone when it produced a result.
import { useCallback, useState } from 'react';
import { messageOf } from '../../state/error-message';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<unknown>, onDone?: () => void) => {
    setBusy(true);
    setError(null);
    work.then(
      (result) => {
        setBusy(false);
        if (result && onDone) onDone();
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };
  /** Forget the last error (a new selection, a closed form). */
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
