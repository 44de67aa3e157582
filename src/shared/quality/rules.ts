// The quality labels (品質ラベル), as data: one rule per label, with the words a committee member reads
// (label, what it means) and the test that earns it. The badges, the filter, the dashboard, the CLI
// and the help page all read this list; nothing else decides a label.
import type { MinistryCode, TaggedBullet } from '../domain';
import type { ItemAnalysis } from './analysis';

export const QUALITY_GROUPS = ['具体性', '追跡可能性', '責任', '鮮度', '取込品質'] as const;
export type QualityGroup = (typeof QUALITY_GROUPS)[number];

/** good: what a plan should have; attention: where it is vague or needs a look; info: a plain fact. */
export type QualityTone = 'good' | 'attention' | 'info';

export interface QualityContext {
  item: {
    ministries: readonly MinistryCode[];
    lead: readonly MinistryCode[];
    warnings: readonly string[];
    actions: readonly TaggedBullet[];
    future: readonly TaggedBullet[];
  };
  analysis: ItemAnalysis;
  /** Warnings no one has confirmed yet (確認済み). */
  uncheckedWarnings: readonly string[];
  /** The round with the ministries, for this item: last inquiry workbook that held it, answers applied since. */
  round: { lastExportAt: string | null; appliedSince: readonly string[] };
}

export interface QualityRule {
  id: string;
  group: QualityGroup;
  label: string;
  tone: QualityTone;
  /** The rule in one or two sentences, for the help page. */
  explanation: string;
  /** The words that earn the label (may be empty when the label is earned by an absence), or null. */
  test(ctx: QualityContext): string[] | null;
  /** Why this item has the label, in a sentence. */
  reason(evidence: readonly string[]): string;
}

const SNIPPET = 30;
const snippet = (text: string) => (text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text);
const listed = (words: readonly string[]) => words.map((w) => `「${w}」`).join('');
const orNull = (words: string[]) => (words.length > 0 ? words : null);

/** Inferred bullet splits: the parser's wording (plan-parser.ts) for a split read from spacing or marks. */
const INFERRED_SPLIT = /箇条書きの区切りを.*推定しました/u;

function isVague(ctx: QualityContext): boolean {
  const a = ctx.analysis;
  return a.commitments.length === 0 && a.numbers.length === 0 && a.names.length === 0;
}

export const QUALITY_RULES: readonly QualityRule[] = [
  {
    id: 'dated',
    group: '具体性',
    label: '期限あり',
    tone: 'good',
    explanation:
      '取組または今後の方向性に、時期を約束する日付がある(令和N年度中に/から/を目途に、公布後N年以内 など)。過去の出来事や引用された決定の日付は数えない。',
    test: (ctx) => orNull([...new Set(ctx.analysis.commitments.map((c) => c.text))]),
    reason: (ev) => `時期を約束する日付があります: ${listed(ev)}`,
  },
  {
    id: 'numeric',
    group: '具体性',
    label: '数値あり',
    tone: 'good',
    explanation:
      '件数・機関数・割合・人数などの数値(100件、30機関、80% など)が書かれている。年・年度・月は日付として扱い、数値に含めない。',
    test: (ctx) => orNull(ctx.analysis.numbers),
    reason: (ev) => `数値目標・件数があります: ${listed(ev)}`,
  },
  {
    id: 'named',
    group: '具体性',
    label: '事業・DB名あり',
    tone: 'good',
    explanation:
      '「」で括られた事業・計画の名前、または主なデータベース・基盤(NDB、DPC、介護DB、バイオバンク、全ゲノム解析、レジストリ など)の名前が書かれている。',
    test: (ctx) => orNull(ctx.analysis.names),
    reason: (ev) => `事業・データベースの名前があります: ${listed(ev)}`,
  },
  {
    id: 'vague',
    group: '具体性',
    label: '具体性なし',
    tone: 'attention',
    explanation: '期限・数値・事業やデータベースの名前のどれも書かれていない。',
    test: (ctx) => (isVague(ctx) ? [] : null),
    reason: () => '期限・数値・事業やデータベースの名前のいずれも見当たりません。',
  },
  {
    id: 'untracked',
    group: '追跡可能性',
    label: '取組との対応なし',
    tone: 'attention',
    explanation: '「引き続き」など継続を示す今後の方向性のうち、対応する取組が見つからないものがある(新規・他で実施・定型文は対象外)。',
    test: (ctx) => orNull(ctx.analysis.untracked.map(snippet)),
    reason: (ev) => `継続とされているのに対応する取組が見つからない方向性が ${ev.length} 件あります: ${listed(ev)}`,
  },
  {
    id: 'boilerplate',
    group: '追跡可能性',
    label: '定型文のみ',
    tone: 'attention',
    explanation: '今後の方向性が「引き続き、着実に進める」のような定型文だけで、何をするかが書かれていない。',
    test: (ctx) => (ctx.analysis.boilerplateOnly ? ctx.item.future.map((b) => snippet(b.text)) : null),
    reason: (ev) => `今後の方向性が定型文だけです: ${listed(ev)}`,
  },
  {
    id: 'no-lead',
    group: '責任',
    label: '主担当なし',
    tone: 'attention',
    explanation: '複数の府省が担当しているのに、主担当(◎)が示されていない。',
    test: (ctx) => (ctx.item.ministries.length >= 2 && ctx.item.lead.length === 0 ? [...ctx.item.ministries] : null),
    reason: (ev) => `担当府省が ${ev.length} つ(${ev.join('・')})ありますが、主担当(◎)がありません。`,
  },
  {
    id: 'untagged',
    group: '責任',
    label: '府省タグなし',
    tone: 'attention',
    explanation: '複数の府省が担当する項目で、どの府省の記述かを示す【】タグのない箇条書き(最上位のもの)がある。',
    test: (ctx) =>
      ctx.item.ministries.length >= 2
        ? orNull(
            [...ctx.item.actions, ...ctx.item.future]
              .filter((b) => b.level === 0 && b.ministries.length === 0 && b.text.trim() !== '')
              .map((b) => snippet(b.text)),
          )
        : null,
    reason: (ev) => `府省の【】タグがない箇条書きが ${ev.length} 件あります: ${listed(ev)}`,
  },
  {
    id: 'fresh',
    group: '鮮度',
    label: '今回更新',
    tone: 'info',
    explanation: 'この項目を含む照会用ワークブックを最後に出力した後に、府省からの回答を反映した。',
    test: (ctx) => orNull([...ctx.round.appliedSince]),
    reason: (ev) => `最後の照会の後に回答を反映しました: ${ev.join('、')}`,
  },
  {
    id: 'stale',
    group: '鮮度',
    label: '今回未更新',
    tone: 'info',
    explanation: 'この項目を含む照会用ワークブックを出力したが、その後に回答はまだ反映されていない。照会をしていない項目には付かない。',
    test: (ctx) => (ctx.round.lastExportAt !== null && ctx.round.appliedSince.length === 0 ? [ctx.round.lastExportAt.slice(0, 10)] : null),
    reason: (ev) => `${ev[0]} に照会用ワークブックを出力した後、回答は反映されていません。`,
  },
  {
    id: 'unchecked',
    group: '取込品質',
    label: '取込注意(未確認)',
    tone: 'attention',
    explanation: '取込時の注意のうち、まだ誰も「確認済み」にしていないものがある。',
    test: (ctx) => orNull([...ctx.uncheckedWarnings]),
    reason: (ev) => `未確認の取込時の注意が ${ev.length} 件あります: ${listed(ev)}`,
  },
  {
    id: 'inferred-split',
    group: '取込品質',
    label: '区切り推定',
    tone: 'info',
    explanation: '元の文書に箇条書きの記号がなく、箇条書きの区切りを空白や句点の位置から推定して取り込んだ。',
    test: (ctx) => orNull(ctx.item.warnings.filter((w) => INFERRED_SPLIT.test(w))),
    reason: (ev) => `箇条書きの区切りを推定して取り込みました: ${listed(ev)}`,
  },
];

export type QualityLabelId = string;
export const QUALITY_LABEL_IDS: readonly string[] = QUALITY_RULES.map((r) => r.id);

export interface QualityLabel {
  id: QualityLabelId;
  label: string;
  group: QualityGroup;
  tone: QualityTone;
  reason: string;
  evidence: string[];
}

/** The labels one item earns, in the order of the rules. */
export function qualityLabels(ctx: QualityContext): QualityLabel[] {
  const out: QualityLabel[] = [];
  for (const rule of QUALITY_RULES) {
    const evidence = rule.test(ctx);
    if (evidence !== null)
      out.push({ id: rule.id, label: rule.label, group: rule.group, tone: rule.tone, reason: rule.reason(evidence), evidence });
  }
  return out;
}

export function qualityRule(id: string): QualityRule | undefined {
  return QUALITY_RULES.find((r) => r.id === id);
}
