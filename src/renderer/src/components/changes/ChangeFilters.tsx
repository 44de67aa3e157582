// The change list's filters: dates (or 「前回会議以降」), item, ministry, field, source and author,
// and the 「前回会議」 date itself, stored on this computer's database for everyone using it.
import { useState } from 'react';
import { CHANGE_SOURCES, CHANGE_SOURCE_LABELS, type ChangeSource } from '../../../../shared/change-log';
import { ITEM_FIELDS, MINISTRY_CODES, MINISTRY_NAMES, type ItemField } from '../../../../shared/domain';
import { fieldLabel } from '../../../../shared/fields';
import { invoke } from '../../api-client';
import { messageOf } from '../../state/error-message';
import { useFiscalYear } from '../../state/plan-selectors';
import { clearChangeFilter, setChangeFilter, useChangeFilter } from './change-filter-state';

const KEY_PATTERN = /^\d+(-\d+){1,3}$/;

function KeyInput() {
  const key = useChangeFilter((s) => s.filter.key ?? '');
  const [text, setText] = useState(key);
  const [shown, setShown] = useState(key);
  // A cleared filter clears the box too.
  if (shown !== key) {
    setShown(key);
    setText(key);
  }
  const valid = text === '' || KEY_PATTERN.test(text.trim());
  return (
    <label className="change-filter">
      管理番号
      <input
        type="text"
        value={text}
        size={9}
        placeholder="例: 1-1-16"
        aria-invalid={!valid || undefined}
        aria-describedby={valid ? undefined : 'change-key-error'}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '' || KEY_PATTERN.test(next.trim())) setChangeFilter('key', next.trim());
        }}
      />
      {!valid && (
        <span id="change-key-error" className="change-filter-error" role="alert">
          管理番号の形式が正しくありません(例: 1-1-16)
        </span>
      )}
    </label>
  );
}

/** The 「前回会議」 date: shown, changed, cleared. */
export function MeetingDate({ lastMeeting, onChanged }: { lastMeeting: string | null; onChanged: (date: string | null) => void }) {
  const [date, setDate] = useState(lastMeeting ?? '');
  const [message, setMessage] = useState<string | null>(null);
  // A date set elsewhere (or cleared) shows in the box.
  const [shown, setShown] = useState(lastMeeting);
  if (shown !== lastMeeting) {
    setShown(lastMeeting);
    setDate(lastMeeting ?? '');
  }
  const save = async (value: string | null) => {
    setMessage(null);
    try {
      const res = await invoke('changes.setLastMeeting', { date: value });
      onChanged(res.lastMeeting);
      setMessage(res.lastMeeting ? `前回会議の日付を ${res.lastMeeting} にしました。` : '前回会議の日付を解除しました。');
    } catch (err) {
      setMessage(messageOf(err));
    }
  };
  return (
    <form
      className="meeting-date"
      onSubmit={(e) => {
        e.preventDefault();
        void save(date === '' ? null : date);
      }}
    >
      <label>
        前回会議の日付
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={date === (lastMeeting ?? '')}>
        設定
      </button>
      {lastMeeting && (
        <button type="button" className="link-button" onClick={() => void save(null)}>
          解除
        </button>
      )}
      {message && (
        <span className="change-message" role="status">
          {message}
        </span>
      )}
    </form>
  );
}

export function ChangeFilters({ lastMeeting, authors }: { lastMeeting: string | null; authors: readonly string[] }) {
  const filter = useChangeFilter((s) => s.filter);
  const fiscalYear = useFiscalYear();
  const anyFilter = Object.keys(filter).length > 0;
  return (
    <fieldset className="change-filters">
      <legend className="visually-hidden">絞り込み</legend>
      <label className="change-filter change-check">
        <input
          type="checkbox"
          checked={filter.sinceMeeting === true}
          disabled={lastMeeting === null && filter.sinceMeeting !== true}
          onChange={(e) => setChangeFilter('sinceMeeting', e.target.checked)}
        />
        前回会議以降{lastMeeting ? `(${lastMeeting}〜)` : '(日付が未設定)'}
      </label>
      <label className="change-filter">
        開始日
        <input type="date" value={filter.from ?? ''} onChange={(e) => setChangeFilter('from', e.target.value)} />
      </label>
      <label className="change-filter">
        終了日
        <input type="date" value={filter.to ?? ''} onChange={(e) => setChangeFilter('to', e.target.value)} />
      </label>
      <KeyInput />
      <label className="change-filter">
        府省
        <select value={filter.ministry ?? ''} onChange={(e) => setChangeFilter('ministry', e.target.value)}>
          <option value="">すべて</option>
          {MINISTRY_CODES.map((m) => (
            <option key={m} value={m} title={MINISTRY_NAMES[m]}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label className="change-filter">
        欄
        <select value={filter.field ?? ''} onChange={(e) => setChangeFilter('field', e.target.value as ItemField | '')}>
          <option value="">すべて</option>
          {ITEM_FIELDS.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(f, fiscalYear)}
            </option>
          ))}
        </select>
      </label>
      <label className="change-filter">
        変更元
        <select value={filter.source ?? ''} onChange={(e) => setChangeFilter('source', e.target.value as ChangeSource | '')}>
          <option value="">すべて</option>
          {CHANGE_SOURCES.map((s) => (
            <option key={s} value={s}>
              {CHANGE_SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="change-filter">
        作成者
        <select value={filter.author ?? ''} onChange={(e) => setChangeFilter('author', e.target.value)}>
          <option value="">すべて</option>
          {authors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {anyFilter && (
        <button type="button" className="link-button" onClick={clearChangeFilter}>
          絞り込みを解除
        </button>
      )}
    </fieldset>
  );
}
