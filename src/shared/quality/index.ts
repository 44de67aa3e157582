// Quality labels (品質ラベル) of plan items: the rules as data and what they read. Pure.
export { analyseItem, commitmentYear } from './analysis';
export type { Commitment, CommitmentYear, ItemAnalysis } from './analysis';
export { QUALITY_GROUPS, QUALITY_LABEL_IDS, QUALITY_RULES, qualityLabels, qualityRule } from './rules';
export type { QualityContext, QualityGroup, QualityLabel, QualityLabelId, QualityRule, QualityTone } from './rules';
