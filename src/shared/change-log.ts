// The change log (変更一覧): every revision of every item, as rows a person reads. A revision's
// `source` says where it came from; its kind is the first word of it and is what the filters use.
import type { ItemField } from './domain';

export const CHANGE_SOURCES = ['edit', 'import', 'restore', 'edition', 'seed'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

export const CHANGE_SOURCE_LABELS: Record<ChangeSource, string> = {
  edit: '編集',
  import: 'Excel取込',
  restore: '復元',
  edition: '版の更新',
  seed: '資料の取込',
};

/** The kind of a stored source: `edit`, `import:…`, `restore:#…`, `edition:…#N`, `seed:…`. */
export function sourceKindOf(source: string): ChangeSource | null {
  if (source === 'edit') return 'edit';
  const kind = source.slice(0, source.indexOf(':'));
  return (CHANGE_SOURCES as readonly string[]).includes(kind) ? (kind as ChangeSource) : null;
}

/** A source in words, for the history and the change list. */
export function sourceName(source: string): string {
  if (source === 'edit') return '編集';
  if (source.startsWith('restore:')) return `復元(${source.slice('restore:'.length)} の変更前に戻す)`;
  if (source.startsWith('seed:')) return `資料の取込(${source.slice('seed:'.length)})`;
  if (source.startsWith('import:')) return `Excel取込(${source.slice('import:'.length)})`;
  if (source.startsWith('edition:')) return `版の更新(${source.slice('edition:'.length)})`;
  return source;
}

/** One revision as the change list shows it. Values are cell text: bullets as 「・」 lines. */
export interface ChangeRow {
  id: number;
  itemKey: string;
  label: string;
  title: string;
  field: ItemField;
  oldText: string;
  newText: string;
  source: string;
  sourceKind: ChangeSource | null;
  author: string;
  createdAt: string;
}

export interface ChangePage {
  rows: ChangeRow[];
  /** All rows the filter matches (the page is a slice of them). */
  total: number;
  /** The 「前回会議」 date the filter used, when it asked for changes since the last meeting. */
  lastMeeting: string | null;
}

export interface ChangeFilter {
  /** First day included, YYYY-MM-DD (local time). */
  from?: string;
  /** Last day included, YYYY-MM-DD (local time). */
  to?: string;
  /** From the 「前回会議」 date (a preference); refused while it is not set. */
  sinceMeeting?: boolean;
  key?: string;
  ministry?: string;
  field?: ItemField;
  source?: ChangeSource;
  author?: string;
}

/** The filter in words, for a workbook's header and the CLI: 「2026-11-20以降・厚・編集」. */
export function describeChangeFilter(f: ChangeFilter, lastMeeting: string | null, fieldName: (field: ItemField) => string): string {
  const parts: string[] = [];
  if (f.sinceMeeting && lastMeeting) parts.push(`前回会議(${lastMeeting})以降`);
  if (f.from || f.to) parts.push(`${f.from ?? ''}〜${f.to ?? ''}`);
  if (f.key) parts.push(f.key);
  if (f.ministry) parts.push(f.ministry);
  if (f.field) parts.push(fieldName(f.field));
  if (f.source) parts.push(CHANGE_SOURCE_LABELS[f.source]);
  if (f.author) parts.push(f.author);
  return parts.length ? `変更一覧(${parts.join('・')})` : '変更一覧(すべて)';
}

/** An ISO instant as this computer's local date and time, to the minute. */
export function localMinute(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
