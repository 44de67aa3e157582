// Domain types of the plan. Pure TypeScript: used by main, renderer and tests alike.

/** Ministry codes as printed inside 【】 in the source (see domain.md). Order is the display order. */
export const MINISTRY_CODES = ['健', '科技', '文', '厚', '経', '総', 'こ', 'AMED'] as const;
export type MinistryCode = (typeof MINISTRY_CODES)[number];

export const MINISTRY_NAMES: Record<MinistryCode, string> = {
  文: '文部科学省',
  厚: '厚生労働省',
  経: '経済産業省',
  総: '総務省',
  こ: 'こども家庭庁',
  健: '内閣府 健康・医療戦略推進事務局',
  科技: '内閣府 科学技術・イノベーション推進事務局',
  AMED: '日本医療研究開発機構',
};

export function isMinistryCode(value: string): value is MinistryCode {
  return (MINISTRY_CODES as readonly string[]).includes(value);
}

/** The eight integrated projects (統合プロジェクト), PJ1..PJ8. */
export const PROJECT_NAMES: readonly string[] = [
  '医薬品',
  '医療機器・ヘルスケア',
  '再生・細胞医療・遺伝子治療',
  '感染症',
  'データ利活用・ライフコース',
  'シーズ開発・基礎研究',
  '橋渡し・臨床加速化',
  'イノベーション・エコシステム',
];

/** Disease areas (疾患領域) under 大項目1 中項目2. */
export const DISEASE_AREAS: Record<number, string> = {
  1: 'がん',
  2: '認知症',
  3: '神経疾患・精神疾患等',
  4: '成育、小児・周産期、女性等',
  5: '循環器疾患・糖尿病等',
  6: '高齢者',
};

/**
 * One bullet of an actions or future cell. `text` is the clean sentence(s) as written, including any
 * ministry tag such as 【文】 and PJ reference such as (PJ1): those are part of what the ministry wrote
 * and must survive a round trip. `level` is the nesting depth (0 = top level).
 */
export interface Bullet {
  text: string;
  level: number;
}

/** A bullet with the tags read from its text (see text/tags.ts). */
export interface TaggedBullet extends Bullet {
  ministries: MinistryCode[];
  pj: number[];
}

export type SectionLevel = 'major' | 'middle' | 'area';

export interface Section {
  /** `1`, `1-2`, `1-2-3` (major, middle, area). */
  id: string;
  level: SectionLevel;
  major: number;
  middle: number | null;
  area: number | null;
  title: string;
  intro: Bullet[];
  /** Document order. */
  position: number;
}

/** The item fields a person can edit; each change to one writes a revision. */
export const ITEM_FIELDS = ['title', 'actions', 'future'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

export interface ItemSummary {
  key: string;
  major: number;
  middle: number;
  area: number | null;
  /** Circled number as printed (`⑩`), or '' for the items of a 中項目 without a table. */
  label: string;
  title: string;
  ministries: MinistryCode[];
  lead: MinistryCode[];
  relistedFrom: string | null;
  warnings: string[];
  /** Integrated projects (PJ numbers) referenced by any bullet of the item. */
  pj: number[];
  /** Document order across the whole plan. */
  position: number;
}

export interface Item extends ItemSummary {
  actions: TaggedBullet[];
  future: TaggedBullet[];
  /** Revision counter of the item; bumps on each saved change. */
  version: number;
  updatedAt: string;
}

export interface Revision {
  id: number;
  itemKey: string;
  field: ItemField;
  oldValue: string;
  newValue: string;
  /** Where the change came from: `seed:000_….txt`, `edit`, `restore:#12`, `import:…`. */
  source: string;
  author: string;
  createdAt: string;
}
