// Start-up: load the plan, then show the app; a failed start says why and offers a retry.
import { useEffect } from 'react';
import { StatusMessage } from './components/common/StatusMessage';
import { AppShell } from './components/layout/AppShell';
import { useGlobalKeys } from './hooks/useGlobalKeys';
import { useUnsavedGuard } from './hooks/useUnsavedGuard';
import { useApp } from './state/app-state';
import { boot } from './state/boot';

export function App() {
  const state = useApp((s) => s.boot);
  useGlobalKeys();
  useUnsavedGuard();
  useEffect(() => {
    void boot();
  }, []);

  if (state.status === 'ready') return <AppShell />;
  return (
    <div className="boot">
      <h1 className="app-name">協議会デスク</h1>
      {state.status === 'error' ? (
        <StatusMessage
          kind="error"
          action={
            <button type="button" className="button" onClick={() => void boot()}>
              再試行
            </button>
          }
        >
          計画を読み込めませんでした: {state.message}
        </StatusMessage>
      ) : (
        <StatusMessage kind="loading">計画を読み込んでいます…</StatusMessage>
      )}
    </div>
  );
}
