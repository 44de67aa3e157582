// An AMED project sheet (one page of 研究事業実施方針, seed 004): the record the ingest makes of it.
// Pure data: used by main (store, CLI), renderer and tests alike.

/** One row of the 予算額(千円) table: an integrated project (PJ1..PJ8) or the printed total (pj null). */
export interface ProjectBudgetRow {
  /** 1..8 for an integrated project (see PROJECT_NAMES), null for the total row (計) or a label not recognised. */
  pj: number | null;
  /** The row label as printed (医薬品, 計, …). */
  label: string;
  /** Thousands of yen; null when the cell is empty, a dash or not a number. △/▲ are read as minus. */
  amountThousandYen: number | null;
}

/** One 【課題名】/【概要】/【成果の活用】 group of 令和N年度概算要求のポイント. */
export interface ProjectTopic {
  title: string;
  summary: string;
  outcome: string;
}

/** Where the page came from, as the extraction's header states it (each field null when not printed). */
export interface ProjectSource {
  /** Document title, e.g. 令和8年度研究事業実施方針(AMED研究)(案)の概要. */
  document: string | null;
  /** Document label from 【…】 before the title, e.g. 資料1-2. */
  documentLabel: string | null;
  /** 公開元URL. Kept as text: the app never opens it. */
  url: string | null;
  /** 出典情報, e.g. 厚生科学審議会 科学技術部会(第145回 7/16)《厚生労働省》. */
  origin: string | null;
  /** Page number printed at the foot of the page (89). */
  printedPage: number | null;
  /** Page of the source PDF as the hosting site counts it: `(90 ページ)` in the header. */
  sitePage: number | null;
}

export interface ProjectRecord {
  /** Stable slug, e.g. `amed-r8-iryou-jouhou-renkei`. */
  key: string;
  /** 事業名. */
  name: string;
  /** Fiscal year of the plan the page belongs to, e.g. 令和8年度. */
  fiscalYear: string;
  /** 背景: one paragraph (○ …) a line, markers removed, PDF line wraps joined. */
  background: string;
  /** 目的: same layout as `background`. */
  purpose: string;
  /** PJ区分 as printed (なし, PJ5, …). */
  pjCategory: string;
  /** Fiscal year of the budget figures, from the `令和7年度予算額` heading; null when not printed. */
  budgetFiscalYear: string | null;
  /** 予算額(千円) per integrated project in printed order, then the total row if printed. */
  budget: ProjectBudgetRow[];
  /** 令和N年度概算要求のポイント. */
  topics: ProjectTopic[];
  /** これまでの成果概要 (bullets). */
  achievements: string[];
  source: ProjectSource;
  /** What the parser was unsure of or had to decide (Japanese, shown to users). */
  warnings: string[];
}
