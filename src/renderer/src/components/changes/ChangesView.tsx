// 変更一覧: every change to every item — edits, applied Excel answers, restores, edition changes —
// newest first, each with its word-level diff and a link to the item; filters, the 「前回会議」 date
// and the filtered rows as a workbook.
import { useEffect, useState } from 'react';
import type { ArgsOf } from '../../../../shared/api';
import { invoke } from '../../api-client';
import { saveBase64 } from '../../files';
import { messageOf } from '../../state/error-message';
import { StatusMessage } from '../common/StatusMessage';
import { ChangeFilters, MeetingDate } from './ChangeFilters';
import { ChangeList } from './ChangeList';
import { useChangeFilter } from './change-filter-state';
import { useChangePages } from './use-change-pages';
import './changes.css';

export function ChangesView() {
  const filter = useChangeFilter((s) => s.filter);
  const [meetingGeneration, setMeetingGeneration] = useState(0);
  const [lastMeeting, setLastMeeting] = useState<string | null>(null);
  const [authors, setAuthors] = useState<string[]>([]);
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const { pages, loadMore } = useChangePages(filter, meetingGeneration);

  useEffect(() => {
    invoke('changes.lastMeeting', {}).then(
      (r) => setLastMeeting(r.lastMeeting),
      () => setLastMeeting(null),
    );
    invoke('changes.authors', {}).then(setAuthors, () => setAuthors([]));
  }, []);

  const exportBook = async () => {
    setExportMessage(null);
    try {
      const out = await invoke('changes.export', filter as ArgsOf<'changes.export'>);
      if (out.dataBase64) saveBase64(out.file, out.dataBase64);
      setExportMessage(`${out.file} を保存しました。`);
    } catch (err) {
      setExportMessage(messageOf(err));
    }
  };

  return (
    <section className="changes" aria-labelledby="changes-title">
      <header className="changes-head">
        <h2 id="changes-title">
          変更一覧
          {pages.status === 'ready' && <span className="changes-count">{pages.total.toLocaleString('ja-JP')} 件</span>}
        </h2>
        <MeetingDate
          lastMeeting={lastMeeting}
          onChanged={(date) => {
            setLastMeeting(date);
            setMeetingGeneration((g) => g + 1);
          }}
        />
        <button type="button" className="button" onClick={() => void exportBook()} disabled={pages.status !== 'ready' || pages.total === 0}>
          ブックに書き出す
        </button>
        {exportMessage && (
          <span className="change-message" role="status">
            {exportMessage}
          </span>
        )}
      </header>
      <ChangeFilters lastMeeting={lastMeeting} authors={authors} />
      {pages.status === 'loading' && <StatusMessage kind="loading">変更を読み込んでいます…</StatusMessage>}
      {pages.status === 'error' && <StatusMessage kind="error">{pages.message}</StatusMessage>}
      {pages.status === 'ready' && pages.total === 0 && <StatusMessage kind="empty">条件に合う変更はありません。</StatusMessage>}
      {pages.status === 'ready' && pages.total > 0 && <ChangeList rows={pages.rows} total={pages.total} onNearEnd={loadMore} />}
    </section>
  );
}
