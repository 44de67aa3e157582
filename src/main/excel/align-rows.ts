// Align the rows of a returned file with the plan's items. The stable item key (管理番号) decides
// when it is there; rows are never matched by position, so sorting, filtering, hiding and moving
// rows change nothing. When the key is missing (column deleted, cell blanked, consolidated layout)
// the row is matched by its section, label and title, and the report says so. What cannot be
// matched is reported, never guessed: unknown keys, other ministries' items and missing items
// become warnings, rows that name no known item become proposed new items.
import type { ItemSummary, MinistryCode } from '../../shared/domain';
import { MINISTRY_NAMES } from '../../shared/domain';
import type { ProposedItem } from '../../shared/imports';
import { foldForMatch } from '../../shared/text/normalize';
import type { FileRow } from './answer-sheet';
import { itemLabelTitle } from './layout';

/** What alignment needs to know of an item. */
export type AlignItem = Pick<ItemSummary, 'key' | 'major' | 'middle' | 'label' | 'title' | 'ministries'>;

export interface AlignedRow<I extends AlignItem = AlignItem> {
  row: FileRow;
  item: I;
}

export interface Alignment<I extends AlignItem = AlignItem> {
  aligned: AlignedRow<I>[];
  warnings: string[];
  proposals: ProposedItem[];
}

export interface AlignOptions {
  file: string;
  /** The ministry the file answers for, or null (consolidated layout). */
  ministry: MinistryCode | null;
  /** Keys the file was expected to cover (from the export), for "missing" warnings. */
  expectedKeys: readonly string[] | null;
}

function textKey(labelTitle: string): string {
  return foldForMatch(labelTitle);
}

export function alignRows<I extends AlignItem>(rows: readonly FileRow[], items: readonly I[], opts: AlignOptions): Alignment<I> {
  const byKey = new Map(items.map((it) => [it.key, it]));
  // The index by title is built on first use: folding every title costs more than the rest of the
  // alignment together (~0.15 s at 100× the plan), and a file that kept its keys never needs it.
  let byText: Map<string, I[]> | null = null;
  const textIndex = (): Map<string, I[]> => {
    if (byText) return byText;
    byText = new Map();
    for (const it of items) {
      const k = textKey(itemLabelTitle(it));
      const list = byText.get(k);
      if (list) list.push(it);
      else byText.set(k, [it]);
    }
    return byText;
  };
  const warnings: string[] = [];
  const proposals: ProposedItem[] = [];
  const aligned: AlignedRow<I>[] = [];
  const seen = new Map<string, number>();
  let byTitle = 0;

  const matchByText = (r: FileRow): I | 'ambiguous' | undefined => {
    let pool = textIndex().get(textKey(r.item)) ?? [];
    // The section narrows duplicates (circled numbers and even titles repeat across 中項目).
    if (pool.length > 1 && r.major !== null)
      pool = pool.filter((it) => it.major === r.major && (r.middle === null || it.middle === r.middle));
    if (pool.length > 1 && opts.ministry) pool = pool.filter((it) => it.ministries.includes(opts.ministry!));
    if (pool.length > 1) return 'ambiguous';
    return pool[0];
  };

  for (const r of rows) {
    let item: I | undefined;
    if (r.key) {
      item = byKey.get(r.key);
      if (!item) {
        const alt = r.item ? matchByText(r) : undefined;
        if (alt && alt !== 'ambiguous') {
          warnings.push(`${opts.file}: 行 ${r.row} の管理番号 ${r.key} は計画にありません。小項目名から ${alt.key} と対応付けました。`);
          item = alt;
        } else {
          warnings.push(`${opts.file}: 行 ${r.row} の管理番号 ${r.key} は計画にありません。この行は取り込みません。`);
          continue;
        }
      }
    } else if (r.item) {
      const found = matchByText(r);
      if (found === 'ambiguous') {
        warnings.push(`${opts.file}: 行 ${r.row}「${r.item}」に当てはまる項目が複数あり、対応付けられません。この行は取り込みません。`);
        continue;
      }
      if (found) {
        item = found;
        byTitle += 1;
      }
    }
    if (!item) {
      if (r.item || r.actions || r.future)
        proposals.push({ row: r.row, title: r.item, actions: r.actions, future: r.future, comment: r.comment });
      continue;
    }
    if (opts.ministry && !item.ministries.includes(opts.ministry)) {
      warnings.push(
        `${opts.file}: 行 ${r.row} の ${item.key} は${MINISTRY_NAMES[opts.ministry]}の担当項目ではありません。この行は取り込みません。`,
      );
      continue;
    }
    const prev = seen.get(item.key);
    if (prev !== undefined) {
      warnings.push(`${opts.file}: ${item.key} が行 ${prev} と行 ${r.row} の2か所にあります。最初の行だけを取り込みます。`);
      continue;
    }
    seen.set(item.key, r.row);
    aligned.push({ row: r, item });
  }
  if (byTitle > 0) {
    warnings.push(`${opts.file}: 管理番号のない行 ${byTitle} 件を、区分と小項目名で対応付けました。内容を確認してください。`);
  }
  if (opts.expectedKeys) {
    const missing = opts.expectedKeys.filter((k) => !seen.has(k) && byKey.has(k));
    if (missing.length) {
      warnings.push(
        `${opts.file}: 出力した項目のうち ${missing.length} 件がファイルにありません(${missing.slice(0, 10).join('、')}${missing.length > 10 ? ' ほか' : ''})。これらは変更しません。`,
      );
    }
  }
  if (proposals.length) {
    warnings.push(
      `${opts.file}: 計画にない行が ${proposals.length} 件あります(新しい項目の提案として一覧に示します。自動では追加しません)。`,
    );
  }
  return { aligned, warnings, proposals };
}
