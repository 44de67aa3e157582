// The rows of the change list for a filter, a page at a time: the first page on a filter change,
// the next one when the list scrolls near the end of what is loaded.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf } from '../../../../shared/api';
import type { ChangeFilter, ChangeRow } from '../../../../shared/change-log';
import { invoke } from '../../api-client';
import { messageOf } from '../../state/error-message';

const PAGE = 200;

export type ChangePages =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; rows: ChangeRow[]; total: number; lastMeeting: string | null; loadingMore: boolean };

export function useChangePages(filter: ChangeFilter, generation: number): { pages: ChangePages; loadMore: () => void } {
  const [pages, setPages] = useState<ChangePages>({ status: 'loading' });
  // The request a response belongs to: a late answer for an old filter is dropped.
  const request = useRef(0);
  // A new filter shows the loading state at once, not one render late.
  const [asked, setAsked] = useState({ filter, generation });
  if (asked.filter !== filter || asked.generation !== generation) {
    setAsked({ filter, generation });
    setPages({ status: 'loading' });
  }

  useEffect(() => {
    const id = ++request.current;
    invoke('changes.list', { ...filter, limit: PAGE } as ArgsOf<'changes.list'>).then(
      (page) => id === request.current && setPages({ status: 'ready', ...page, loadingMore: false }),
      (err: unknown) => id === request.current && setPages({ status: 'error', message: messageOf(err) }),
    );
  }, [filter, generation]);

  const loadMore = useCallback(() => {
    if (pages.status !== 'ready' || pages.loadingMore || pages.rows.length >= pages.total) return;
    const id = request.current;
    const offset = pages.rows.length;
    setPages({ ...pages, loadingMore: true });
    invoke('changes.list', { ...filter, limit: PAGE, offset } as ArgsOf<'changes.list'>).then(
      (page) =>
        id === request.current &&
        setPages((p) => (p.status === 'ready' ? { ...p, rows: [...p.rows, ...page.rows], total: page.total, loadingMore: false } : p)),
      (err: unknown) => id === request.current && setPages({ status: 'error', message: messageOf(err) }),
    );
  }, [filter, pages]);

  return { pages, loadMore };
}
