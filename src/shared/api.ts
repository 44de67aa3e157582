// The API contract: one typed map of methods, defined once. The Electron IPC handler, the web host
// and the CLI all dispatch through src/main/api/dispatch.ts to the same implementation, and every
// argument is checked against the schema here before a handler sees it.
import { z } from 'zod';
import { ITEM_FIELDS, MINISTRY_CODES, type Item, type ItemSummary, type Revision, type Section } from './domain';
import type { ErrorPayload } from './errors';
import { BulletsSchema, TitleSchema } from './item-schemas';
import type {
  DraftPublishResult,
  DraftStartResult,
  EditionApplyResult,
  EditionBatchDetail,
  EditionBatchSummary,
  EditionDiff,
  EditionInfo,
  FollowUpReport,
} from './editions';
import type { ProjectRecord } from './project';
import { CHANGE_SOURCES, type ChangePage } from './change-log';
import { NODE_TYPES, type EntityInfo, type GraphNode, type MentionView, type Neighbourhood, type RelatedItem } from './graph/types';
import {
  ANNOTATION_LIMITS,
  AnnotationColorSchema,
  AnnotationFieldSchema,
  AnnotationIdSchema,
  AnnotationKindSchema,
  AnnotationStatusSchema,
  CommentSchema,
  ReplyTextSchema,
  TagsSchema,
  type AnnotationCounts,
  type AnnotationExportResult,
  type AnnotationImportOutcome,
  type AnnotationVersion,
  type AnnotationView,
  type CarryForwardResult,
} from './annotations';
import { FUTURE_LABEL_KINDS, type DashboardFigures, type FacetsByKey } from './dashboard';
import type { QualityLabel } from './quality';
import type {
  ApplyResult,
  BackupInfo,
  BackupListing,
  BatchDetail,
  BatchSummary,
  ExportedFileInfo,
  MinistryNote,
  StageOutcome,
} from './imports';

export const ItemKeySchema = z.string().regex(/^\d+(-\d+){1,3}$/, '管理番号の形式が正しくありません(例: 1-1-16)');
const AuthorSchema = z.string().trim().min(1, '作成者名を入力してください').max(100);
const MinistrySchema = z.enum(MINISTRY_CODES);
const SectionIdSchema = z.string().regex(/^\d+(-\d+){0,2}$/, '区分の形式が正しくありません');
/**
 * A file or folder on this computer. This schema is the contract's mark for a path argument: the
 * dispatch (src/main/api/dispatch.ts) finds every field built from it and refuses them from the doors
 * that serve a page (web host, Electron IPC); only the CLI may name paths. Use it for every path field.
 */
export const PathSchema = z.string().trim().min(1, 'ファイルの場所を指定してください').max(4096);
const BatchIdSchema = z.number().int().positive();
/** N of 令和N: a fiscal year (edition). */
const FiscalYearSchema = z.number().int().min(1, '年度が正しくありません').max(99, '年度が正しくありません');
const AnswerFieldSchema = z.enum(['actions', 'future', 'comment']);
/** An uploaded file for the web host, where the browser cannot give a path. 50 MB as base64. */
const UploadSchema = z
  .object({ name: z.string().trim().min(1).max(255), dataBase64: z.string().max(70_000_000, 'ファイルが大きすぎます(50 MB まで)') })
  .strict();
/** Files to read: paths (desktop, CLI) or uploaded contents (web host). */
const FileSources = { files: z.array(PathSchema).max(50).optional(), uploads: z.array(UploadSchema).max(50).optional() };
const hasFiles = (a: { files?: unknown[]; uploads?: unknown[] }) => (a.files?.length ?? 0) + (a.uploads?.length ?? 0) > 0;
const DecisionSchema = z
  .object({
    key: ItemKeySchema.optional(),
    field: AnswerFieldSchema.optional(),
    decision: z.enum(['theirs', 'ours', 'edit']),
    value: z.string().max(200_000).optional(),
  })
  .strict();

const ViewNameSchema = z.string().trim().min(1, 'ビューの名前を入力してください').max(50, 'ビューの名前が長すぎます(50字まで)');
const ViewQuerySchema = z.string().max(200, '検索語が長すぎます(200字まで)');

/** A named view: the list filters and search text saved under a name (「厚労省・認知症」). */
export interface SavedView {
  id: number;
  name: string;
  filters: ItemListArgs;
  query: string;
  updatedAt: string;
}

export interface SearchHit {
  /** Item key, or section id for section hits. */
  key: string;
  kind: 'item' | 'section';
  field: 'title' | 'actions' | 'future' | 'section' | 'intro';
  /** Bullet index within the field (0 for titles). */
  ord: number;
  score: number;
  snippet: string;
  /** Matched spans inside `snippet` (UTF-16 offsets, end exclusive). */
  marks: { start: number; end: number }[];
  /** The edition the hit is in, when searching an archived edition or all of them. */
  edition?: number;
}

export interface DocumentInfo {
  name: string;
  kind: 'plan' | 'project';
  title: string;
  sha256: string;
  ingestedAt: string;
}

export interface PlanOverview {
  title: string;
  /** The current edition (its fiscal year names the actions field); null before anything is loaded. */
  edition: EditionInfo | null;
  documents: DocumentInfo[];
  sections: Section[];
  itemCount: number;
  schemaVersion: number;
  appVersion: string;
  /** The database file or its folder cannot be written: everything reads, every change is refused. */
  readOnly: boolean;
}

/** Declare one method: its argument schema and (type-only) result type. */
function method<R>() {
  return <A extends z.ZodType>(args: A): { args: A; result: R } => ({ args, result: undefined as unknown as R });
}

const NoArgs = z.object({}).strict().optional();
const KeyArgs = z.object({ key: ItemKeySchema }).strict();
/** An edition other than the current one (archived or draft); default: the current one. */
const EditionArgs = z.object({ edition: FiscalYearSchema.optional() }).strict().optional();
const Versioned = { key: ItemKeySchema, author: AuthorSchema, expectedVersion: z.number().int().optional() };

export const ItemListArgsSchema = z
  .object({
    ministry: MinistrySchema.optional(),
    lead: z.boolean().optional(),
    area: z.number().int().min(1).max(20).optional(),
    pj: z.number().int().min(1).max(8).optional(),
    section: SectionIdSchema.optional(),
    /** Only these items (the follow-up overview opens its counts as a list). */
    keys: z.array(ItemKeySchema).max(20000).optional(),
    /** An edition other than the current one (its items are read-only). */
    edition: FiscalYearSchema.optional(),
    // The facets the dashboard's charts open (src/shared/item-filter.ts).
    quality: z
      .string()
      .regex(/^[a-z-]{1,40}$/, '品質ラベルの形式が正しくありません')
      .optional(),
    futureLabel: z.enum(FUTURE_LABEL_KINDS).optional(),
    boilerplateOnly: z.boolean().optional(),
    commitmentYear: z
      .string()
      .regex(/^(\d{1,3}|relative)$/, '年度の形式が正しくありません')
      .optional(),
    uncheckedWarnings: z.boolean().optional(),
    annotationStatus: AnnotationStatusSchema.optional(),
    annotationTag: z.string().trim().min(1).max(ANNOTATION_LIMITS.tag).optional(),
    annotationAuthor: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type ItemListArgs = z.infer<typeof ItemListArgsSchema>;

export const AnnotationListArgsSchema = z
  .object({
    /** The edition whose annotations are listed (default: the current one). */
    edition: FiscalYearSchema.optional(),
    itemKey: ItemKeySchema.optional(),
    tag: z.string().trim().min(1).max(ANNOTATION_LIMITS.tag).optional(),
    color: AnnotationColorSchema.optional(),
    status: AnnotationStatusSchema.optional(),
    kind: AnnotationKindSchema.optional(),
    author: z.string().trim().min(1).max(100).optional(),
    ministry: MinistrySchema.optional(),
    section: SectionIdSchema.optional(),
    includeDeleted: z.boolean().optional(),
  })
  .strict();

const GraphNodeIdSchema = z.string().min(3).max(300);
const EntityIdSchema = z.string().min(1).max(300);
const NodeTypesSchema = z.array(z.enum(NODE_TYPES)).max(NODE_TYPES.length).optional();

/** The whole knowledge graph for other tools: written to outFile, or returned as text (`content`). */
export interface GraphExportResult {
  format: 'json' | 'graphml';
  file: string | null;
  content: string | null;
  nodes: number;
  edges: number;
  mentions: number;
}

/** A calendar day, YYYY-MM-DD. */
const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD の形式で指定してください(例: 2026-11-20)')
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, day));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
  }, '存在しない日付です');
/** The change list's filters (src/shared/change-log.ts ChangeFilter). */
const ChangeFilterFields = {
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  sinceMeeting: z.boolean().optional(),
  key: ItemKeySchema.optional(),
  ministry: MinistrySchema.optional(),
  field: z.enum(ITEM_FIELDS).optional(),
  source: z.enum(CHANGE_SOURCES).optional(),
  author: z.string().trim().min(1, '作成者名を入力してください').max(100).optional(),
};
const fromNotAfterTo = (a: { from?: string; to?: string }) => a.from === undefined || a.to === undefined || a.from <= a.to;
const FROM_AFTER_TO = '開始日が終了日より後になっています';

export const API = {
  'plan.overview': method<PlanOverview>()(NoArgs),
  /** Every edition held (令和7年度版, …), oldest first. */
  'editions.list': method<EditionInfo[]>()(NoArgs),
  /**
   * Stage follow-up tables (text extractions, or the consolidated table workbook) as edition imports: the next year's edition, or a
   * changed source of the current one, matched to it by content. Nothing changes until applied.
   */
  'editions.stage': method<EditionBatchDetail[]>()(z.object(FileSources).strict().refine(hasFiles, '取り込むファイルを指定してください')),
  'editions.batches': method<EditionBatchSummary[]>()(NoArgs),
  'editions.get': method<EditionBatchDetail>()(z.object({ batch: BatchIdSchema }).strict()),
  /** Decide an ambiguous item (by its index in the source): the previous key it is, 'added', or null to undo. */
  'editions.pair': method<EditionBatchDetail>()(
    z
      .object({ batch: BatchIdSchema, index: z.number().int().min(0), decision: z.union([ItemKeySchema, z.literal('added'), z.null()]) })
      .strict(),
  ),
  'editions.apply': method<EditionApplyResult>()(z.object({ batch: BatchIdSchema, author: AuthorSchema }).strict()),
  'editions.discard': method<EditionBatchSummary>()(z.object({ batch: BatchIdSchema }).strict()),
  /** Two editions item by item (the 新旧対照表's content). */
  'editions.diff': method<EditionDiff>()(z.object({ from: FiscalYearSchema, to: FiscalYearSchema }).strict()),
  /** Last year's promises (今後の方向性) against this year's actions, per item and in summary. */
  'editions.followup': method<FollowUpReport>()(z.object({ fiscalYear: FiscalYearSchema.optional() }).strict().optional()),
  /**
   * 「新年度の照会を始める」: the draft edition of the next fiscal year (current + 1) from the current one:
   * titles, placement and ministries carried over, this year's actions empty, future directions as the
   * starting text. Refused while a draft exists. The live plan does not change.
   */
  'editions.start': method<DraftStartResult>()(z.object({ fiscalYear: FiscalYearSchema }).strict()),
  /** The draft edition dropped (the round abandoned); the current edition does not change. */
  'editions.discardDraft': method<{ fiscalYear: number }>()(z.object({ fiscalYear: FiscalYearSchema }).strict()),
  /** 「公開する」: the draft becomes the current edition (after a backup; the current one is archived). */
  'editions.publish': method<DraftPublishResult>()(z.object({ fiscalYear: FiscalYearSchema, author: AuthorSchema }).strict()),
  /** The 新旧対照表 workbook: to outFile (CLI), or returned as bytes for the page to save. */
  'editions.exportComparison': method<ExportedFileInfo>()(
    z.object({ from: FiscalYearSchema, to: FiscalYearSchema, outFile: PathSchema.optional() }).strict(),
  ),
  'items.list': method<ItemSummary[]>()(ItemListArgsSchema.optional()),
  /** One item, of the current edition or (edition) of an archived one, read-only. */
  'items.get': method<Item>()(z.object({ key: ItemKeySchema, edition: FiscalYearSchema.optional() }).strict()),
  'items.update': method<Item>()(
    z.discriminatedUnion('field', [
      z.object({ ...Versioned, field: z.literal('title'), value: TitleSchema }).strict(),
      z.object({ ...Versioned, field: z.literal('actions'), value: BulletsSchema }).strict(),
      z.object({ ...Versioned, field: z.literal('future'), value: BulletsSchema }).strict(),
    ]),
  ),
  'items.history': method<Revision[]>()(KeyArgs),
  'items.restore': method<Item>()(z.object({ revisionId: z.number().int().positive(), author: AuthorSchema }).strict()),
  search: method<SearchHit[]>()(
    z
      .object({
        query: z.string().max(200, '検索語が長すぎます(200字まで)'),
        limit: z.number().int().min(1).max(500).optional(),
        /** An edition other than the current one; or every edition held. */
        edition: FiscalYearSchema.optional(),
        allEditions: z.boolean().optional(),
      })
      .strict(),
  ),
  'projects.list': method<ProjectRecord[]>()(NoArgs),
  /** 「もしかして」: the index word closest to a query that finds nothing (ゲノン → ゲノム), or null. */
  'search.suggest': method<{ suggestion: string | null }>()(
    z.object({ query: z.string().max(200, '検索語が長すぎます(200字まで)') }).strict(),
  ),
  /** Named views (list filters + search text), as the outline lists them. */
  'views.list': method<SavedView[]>()(NoArgs),
  'views.save': method<SavedView[]>()(z.object({ name: ViewNameSchema, filters: ItemListArgsSchema, query: ViewQuerySchema }).strict()),
  'views.rename': method<SavedView[]>()(z.object({ id: z.number().int().positive(), name: ViewNameSchema }).strict()),
  'views.delete': method<SavedView[]>()(z.object({ id: z.number().int().positive() }).strict()),
  'prefs.get': method<Preferences>()(NoArgs),
  'prefs.set': method<Preferences>()(z.object({ author: z.string().trim().max(100).optional() }).strict()),
  /** Several items in full at once (the UI's overview of future directions reads every item). */
  'items.getMany': method<Item[]>()(z.object({ keys: z.array(ItemKeySchema).max(20000) }).strict()),
  /** 府省からの補足 recorded at apply, by item key (items without notes are absent), oldest first. */
  'items.notes': method<Record<string, MinistryNote[]>>()(z.object({ keys: z.array(ItemKeySchema).max(20000) }).strict()),
  /**
   * One inquiry workbook per ministry, into outDir (or outFile for a single ministry); with neither,
   * each workbook comes back as bytes (`dataBase64`, `file` = its suggested name) for the page to save.
   */
  'excel.exportMinistry': method<ExportedFileInfo[]>()(
    z
      .object({
        ministries: z.array(MinistrySchema).min(1, '府省を1つ以上選んでください').max(MINISTRY_CODES.length),
        leadOnly: z.boolean().optional(),
        dueDate: z.string().trim().max(100).optional(),
        contact: z.string().trim().max(500).optional(),
        /** A draft edition's inquiry (its year); absent: the current edition's. */
        edition: FiscalYearSchema.optional(),
        outDir: PathSchema.optional(),
        outFile: PathSchema.optional(),
      })
      .strict()
      .refine(
        (a) => a.outDir === undefined || a.outFile === undefined,
        '出力先はフォルダー(outDir)かファイル(outFile)のどちらか一方を指定してください',
      )
      .refine((a) => a.outFile === undefined || a.ministries.length === 1, 'ファイル名を指定できるのは府省が1つのときだけです'),
  ),
  /** The consolidated table, into outFile; without it, returned as bytes (`dataBase64`) for the page to save. */
  /** The consolidated table; `ministryNotes` adds 府省からの補足 as a fourth column. */
  'excel.exportTable': method<ExportedFileInfo>()(
    z
      .object({
        outFile: PathSchema.optional(),
        ministryNotes: z.boolean().optional(),
        /** An archived edition's table (its year); absent: the current edition's. */
        edition: FiscalYearSchema.optional(),
      })
      .strict(),
  ),
  /** Stage returned workbooks: paths (desktop, CLI) or uploaded contents (web host). One batch per file. */
  'imports.stage': method<StageOutcome[]>()(
    z
      .object({ ...FileSources, ministry: MinistrySchema.optional() })
      .strict()
      .refine(hasFiles, '取り込むファイルを指定してください'),
  ),
  /**
   * The user is about to import (the import screen or the file chooser opened, files dragged over the
   * window): start the workbook reader's spare worker now, so the parse does not wait for it to load.
   */
  'imports.prepare': method<null>()(NoArgs),
  'imports.list': method<BatchSummary[]>()(NoArgs),
  'imports.get': method<BatchDetail>()(z.object({ batch: BatchIdSchema }).strict()),
  /** Decide cells: per cell (key + field), per item (key), or the whole file (neither). */
  'imports.decide': method<BatchDetail>()(
    z.object({ batch: BatchIdSchema, decisions: z.array(DecisionSchema).min(1).max(20000) }).strict(),
  ),
  'imports.apply': method<ApplyResult>()(z.object({ batch: BatchIdSchema, author: AuthorSchema }).strict()),
  'imports.discard': method<BatchSummary>()(z.object({ batch: BatchIdSchema }).strict()),
  /** Verified backups, the files set aside (and why), and the folder's size. */
  'backups.list': method<BackupListing>()(NoArgs),
  /** A manual backup: kept until removed by hand (automatic ones: the newest 20). */
  'backups.create': method<BackupInfo>()(NoArgs),
  'backups.restore': method<{ restored: BackupInfo; safety: BackupInfo }>()(z.object({ name: z.string().min(1).max(255) }).strict()),
  /** Annotations, each with where it sits in today's text (anchored / orphan / none). Tombstones only with includeDeleted. */
  'annotations.list': method<AnnotationView[]>()(AnnotationListArgsSchema.optional()),
  /**
   * A highlight, comment or note. The words: `range` (bullet index — 0 for the title — and UTF-16
   * offsets in that bullet, with the item `expectedVersion` they were read from) or `quote` (its
   * first occurrence in the field). Neither: a note on the field, or on the whole item when field is null.
   */
  'annotations.create': method<AnnotationView>()(
    z
      .object({
        itemKey: ItemKeySchema,
        field: AnnotationFieldSchema.nullable().optional(),
        range: z
          .object({ bulletIndex: z.number().int().min(0), start: z.number().int().min(0), end: z.number().int().min(1) })
          .strict()
          .optional(),
        quote: z
          .string()
          .min(1, '引用が空です')
          .max(ANNOTATION_LIMITS.quote, `引用が長すぎます(${ANNOTATION_LIMITS.quote}字まで)`)
          .optional(),
        kind: AnnotationKindSchema.optional(),
        color: AnnotationColorSchema.optional(),
        comment: CommentSchema.optional(),
        tags: TagsSchema.optional(),
        author: AuthorSchema,
        expectedVersion: z.number().int().optional(),
      })
      .strict()
      .refine((a) => a.range === undefined || a.quote === undefined, '範囲(range)と引用(quote)はどちらか一方だけを指定してください'),
  ),
  /** Change comment, tags, colour, status or kind; the replaced version goes to history. */
  'annotations.update': method<AnnotationView>()(
    z
      .object({
        id: AnnotationIdSchema,
        comment: CommentSchema.optional(),
        tags: TagsSchema.optional(),
        color: AnnotationColorSchema.optional(),
        status: AnnotationStatusSchema.optional(),
        kind: AnnotationKindSchema.optional(),
        author: AuthorSchema,
        expectedUpdatedAt: z.string().max(40).optional(),
      })
      .strict(),
  ),
  /** Delete as a tombstone (kept, so that merging an older copy does not bring it back). */
  'annotations.delete': method<AnnotationView>()(z.object({ id: AnnotationIdSchema }).strict()),
  'annotations.reply': method<AnnotationView>()(z.object({ id: AnnotationIdSchema, text: ReplyTextSchema, author: AuthorSchema }).strict()),
  /** Open annotations per section and per item, for the outline: of the current edition, or of `edition`. */
  'annotations.counts': method<AnnotationCounts>()(z.object({ edition: FiscalYearSchema.optional() }).strict().optional()),
  /**
   * Copy the annotations of edition `from` (with replies) to the same items in the later edition `to`,
   * re-anchored on its text; carrying again copies nothing twice.
   */
  'annotations.carryForward': method<CarryForwardResult>()(z.object({ from: FiscalYearSchema, to: FiscalYearSchema }).strict()),
  /** The shared workbook: written to outPath, or returned as base64 when none is given (web host). */
  'annotations.export': method<AnnotationExportResult>()(z.object({ outPath: PathSchema.optional() }).strict().optional()),
  /** Merge reviewers' shared workbooks by id; one outcome per file, a bad file changes nothing. */
  'annotations.import': method<AnnotationImportOutcome[]>()(
    z.object(FileSources).strict().refine(hasFiles, '取り込むファイルを指定してください'),
  ),
  /** Versions of an annotation (and of its replies) replaced by edits and merges, newest first. */
  'annotations.history': method<AnnotationVersion[]>()(z.object({ id: AnnotationIdSchema }).strict()),
  /** Every item's facets (quality labels, future kinds, commitment years, unchecked warnings, annotations), by key. */
  'items.facets': method<FacetsByKey>()(EditionArgs),
  /** Each item's quality labels, with the reason and the words that earned each (default: the current edition). */
  'quality.list': method<QualityEntry[]>()(EditionArgs),
  /** Confirm an item's ingest warnings (確認済み): the one given, or all of them. */
  'warnings.check': method<WarningCheckView[]>()(
    z.object({ key: ItemKeySchema, author: AuthorSchema, warning: z.string().min(1).max(2000).optional() }).strict(),
  ),
  /** The dashboard's figures on an edition (default: the current one). */
  'dashboard.figures': method<DashboardFigures>()(
    z
      .object({ edition: z.number().int().min(1).max(99).optional() })
      .strict()
      .optional(),
  ),
  /** The figures as one workbook: into outFile, or returned as bytes (`dataBase64`) for the page to save. */
  'dashboard.export': method<DashboardExport>()(
    z.object({ edition: z.number().int().min(1).max(99).optional(), outFile: PathSchema.optional() }).strict(),
  ),
  /** Knowledge graph: nodes whose name contains the query (exact names first). */
  'graph.search': method<GraphNode[]>()(
    z
      .object({
        query: z.string().max(200, '検索語が長すぎます(200字まで)'),
        types: NodeTypesSchema,
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ),
  /** A node and its direct neighbours (the heaviest `limit`), never the whole graph. */
  'graph.neighbourhood': method<Neighbourhood>()(
    z.object({ id: GraphNodeIdSchema, types: NodeTypesSchema, limit: z.number().int().min(1).max(500).optional() }).strict(),
  ),
  /** Every mention of an entity, with the sentence and the exact offsets. */
  'graph.mentions': method<{ entity: EntityInfo; mentions: MentionView[] }>()(z.object({ id: EntityIdSchema }).strict()),
  /** Every entity found, with its curation (hidden ones included). */
  'graph.entities': method<EntityInfo[]>()(NoArgs),
  /** Rename (label; null: as found), merge into another entity (null: undo), hide or show an entity. */
  'graph.curate': method<EntityInfo>()(
    z
      .object({
        id: EntityIdSchema,
        label: z.string().trim().min(1, '名前を入力してください').max(200).nullable().optional(),
        mergeInto: EntityIdSchema.nullable().optional(),
        hidden: z.boolean().optional(),
        author: AuthorSchema,
      })
      .strict(),
  ),
  /** Items sharing entities with an item: `[{ key, title, shared, score }]`. */
  'graph.related': method<RelatedItem[]>()(z.object({ key: ItemKeySchema, limit: z.number().int().min(1).max(200).optional() }).strict()),
  'graph.export': method<GraphExportResult>()(z.object({ format: z.enum(['json', 'graphml']), outFile: PathSchema.optional() }).strict()),
  /** Every revision of every item (変更一覧), newest first, filtered, one page at a time. */
  'changes.list': method<ChangePage>()(
    z
      .object({ ...ChangeFilterFields, limit: z.number().int().min(1).max(1000).optional(), offset: z.number().int().min(0).optional() })
      .strict()
      .refine(fromNotAfterTo, FROM_AFTER_TO)
      .optional(),
  ),
  /** The filtered changes as one workbook: into outFile (CLI), or returned as bytes for the page to save. */
  'changes.export': method<DashboardExport>()(
    z
      .object({ ...ChangeFilterFields, outFile: PathSchema.optional() })
      .strict()
      .refine(fromNotAfterTo, FROM_AFTER_TO),
  ),
  /** Who has made changes, for the author filter. */
  'changes.authors': method<string[]>()(NoArgs),
  /** The 「前回会議」 date (YYYY-MM-DD, or null when not set). */
  'changes.lastMeeting': method<{ lastMeeting: string | null }>()(NoArgs),
  'changes.setLastMeeting': method<{ lastMeeting: string | null }>()(z.object({ date: DaySchema.nullable() }).strict()),
} as const;

export interface QualityEntry {
  key: string;
  labels: QualityLabel[];
}

export interface WarningCheckView {
  warning: string;
  checkedBy: string;
  checkedAt: string;
}

export interface DashboardExport {
  /** The file written, or the suggested file name when returned as data. */
  file: string;
  dataBase64?: string;
}

export interface Preferences {
  author: string;
}

export type Api = typeof API;
export type MethodName = keyof Api;
export type ArgsOf<M extends MethodName> = z.input<Api[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Api[M]['args']>;
export type ResultOf<M extends MethodName> = Api[M]['result'];

export type Handlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>> };

/** What crosses a transport: a result or an error, never a thrown exception. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ErrorPayload };

/** The one function every client calls, whatever the transport. */
export type Invoke = <M extends MethodName>(method: M, args: ArgsOf<M>) => Promise<ResultOf<M>>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(API, name);
}

/** Commands the Electron application menu sends to the page (the page opens the matching dialog). */
export const APP_COMMANDS = ['export-ministry', 'export-table', 'import', 'backups', 'editions'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

/** What the preload script exposes as `window.councilDesk`: the whole surface the page gets. */
export interface Bridge {
  invoke(method: string, args: unknown): Promise<Envelope<unknown>>;
  /** Listen for application-menu commands; returns the function that stops listening. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Desktop only: save the current page as an A4 PDF (asks where); the outcome in Japanese. */
  printToPdf(suggestedName: string): Promise<PdfOutcome>;
}

export type PdfOutcome = { saved: true; file: string } | { saved: false; message: string | null };

export const IPC_CHANNEL = 'council:invoke';
export const COMMAND_CHANNEL = 'council:command';
export const PDF_CHANNEL = 'council:print-pdf';
