// Schema migrations: an ordered list, applied in order, tracked by PRAGMA user_version.
// Append only: never edit a migration that has shipped; add a new one instead.
// (tests/integration/migrations.test.ts pins the resulting schema.)

import type Database from 'better-sqlite3';
import { fillSearchGrams } from './search-grams';
import { EDITION_ITEMS_SQL, EDITIONS_SQL, migrateToEditions } from './migration-editions';
import { fillSearchReadings } from './search-readings';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Data steps SQL cannot express, run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'plan store: documents, sections, items, bullets, revisions, projects, search index',
    sql: `
      CREATE TABLE documents (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('plan', 'project')),
        title       TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );

      CREATE TABLE sections (
        id          TEXT PRIMARY KEY,
        level       TEXT NOT NULL CHECK (level IN ('major', 'middle', 'area')),
        major       INTEGER NOT NULL,
        middle      INTEGER,
        area        INTEGER,
        title       TEXT NOT NULL,
        intro_json  TEXT NOT NULL DEFAULT '[]',
        position    INTEGER NOT NULL
      );

      -- Every key ever issued, so a key is never reused even if its item is removed.
      CREATE TABLE issued_keys (
        key        TEXT PRIMARY KEY,
        issued_at  TEXT NOT NULL
      );

      CREATE TABLE items (
        key            TEXT PRIMARY KEY REFERENCES issued_keys(key),
        origin         TEXT UNIQUE,          -- where the ingest found it (placement key); NULL for items made in the app
        seed_json      TEXT,                 -- field values of the last ingest, to tell a changed source from a local edit
        section_id     TEXT NOT NULL REFERENCES sections(id),
        major          INTEGER NOT NULL,
        middle         INTEGER NOT NULL,
        area           INTEGER,
        label          TEXT NOT NULL DEFAULT '',
        position       INTEGER NOT NULL,
        title          TEXT NOT NULL,
        ministries     TEXT NOT NULL DEFAULT '[]',
        lead           TEXT NOT NULL DEFAULT '[]',
        relisted_from  TEXT REFERENCES items(key),
        warnings       TEXT NOT NULL DEFAULT '[]',
        version        INTEGER NOT NULL DEFAULT 1,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      );
      CREATE INDEX items_position ON items(position);

      CREATE TABLE bullets (
        item_key    TEXT NOT NULL REFERENCES items(key) ON DELETE CASCADE,
        field       TEXT NOT NULL CHECK (field IN ('r7', 'future')),
        ord         INTEGER NOT NULL,
        level       INTEGER NOT NULL DEFAULT 0,
        text        TEXT NOT NULL,
        ministries  TEXT NOT NULL DEFAULT '[]',
        pj          TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (item_key, field, ord)
      ) WITHOUT ROWID;

      CREATE TABLE revisions (
        id          INTEGER PRIMARY KEY,
        item_key    TEXT NOT NULL REFERENCES items(key),
        field       TEXT NOT NULL CHECK (field IN ('title', 'r7', 'future')),
        old_value   TEXT NOT NULL,
        new_value   TEXT NOT NULL,
        source      TEXT NOT NULL,
        author      TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE INDEX revisions_item ON revisions(item_key, id);

      CREATE TABLE projects (
        key          TEXT PRIMARY KEY,
        document_id  INTEGER NOT NULL REFERENCES documents(id),
        name         TEXT NOT NULL,
        data_json    TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );

      CREATE TABLE preferences (
        name   TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );

      -- Search: one row per searchable text (item title, bullet, section title or intro).
      -- 'folded' is the width/space-folded text (see shared/text/normalize.ts) that the index sees.
      CREATE TABLE search_docs (
        id        INTEGER PRIMARY KEY,
        item_key  TEXT REFERENCES items(key) ON DELETE CASCADE,
        section_id TEXT REFERENCES sections(id) ON DELETE CASCADE,
        field     TEXT NOT NULL,
        ord       INTEGER NOT NULL DEFAULT 0,
        text      TEXT NOT NULL,
        folded    TEXT NOT NULL
      );
      CREATE INDEX search_docs_item ON search_docs(item_key);
      CREATE INDEX search_docs_section ON search_docs(section_id);
      CREATE VIRTUAL TABLE search_fts USING fts5(folded, content='search_docs', content_rowid='id', tokenize='trigram');
      CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded);
      END;
      CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
      END;
    `,
  },
  {
    version: 2,
    description: 'search: unigram + bigram index for 1- and 2-character queries, which trigrams cannot answer',
    sql: `
      CREATE VIRTUAL TABLE search_grams USING fts5(
        grams, content='', contentless_delete=1,
        tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M* S* P*'"
      );
      CREATE TRIGGER search_docs_grams_ad AFTER DELETE ON search_docs BEGIN
        DELETE FROM search_grams WHERE rowid = old.id;
      END;
    `,
    run: fillSearchGrams,
  },
  {
    version: 3,
    description: 'Excel round trip: exports with their base values, staged import batches, ministry notes',
    sql: `
      -- Each workbook sent out, with the value of every answer cell as written (the base of the merge).
      CREATE TABLE exports (
        id          TEXT PRIMARY KEY,       -- random id, also written into the workbook's _meta sheet
        kind        TEXT NOT NULL CHECK (kind IN ('ministry', 'table')),
        ministry    TEXT,
        options     TEXT NOT NULL DEFAULT '{}',
        file_name   TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      );
      CREATE TABLE export_values (
        export_id  TEXT NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
        item_key   TEXT NOT NULL,
        field      TEXT NOT NULL CHECK (field IN ('r7', 'future', 'comment')),
        value      TEXT NOT NULL,           -- serialized as in revisions (JSON bullets; plain text for comment)
        PRIMARY KEY (export_id, item_key, field)
      ) WITHOUT ROWID;

      -- One returned file = one batch. Nothing in the plan changes until the batch is applied.
      CREATE TABLE import_batches (
        id          INTEGER PRIMARY KEY,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        layout      TEXT NOT NULL CHECK (layout IN ('ministry', 'table')),
        ministry    TEXT,
        export_id   TEXT,                   -- the export it answers, when known (three-way merge)
        status      TEXT NOT NULL CHECK (status IN ('staged', 'applied', 'discarded')),
        report      TEXT NOT NULL DEFAULT '{}',  -- warnings, proposed new items, notes (JSON)
        backup      TEXT,                   -- backup file taken before apply
        created_at  TEXT NOT NULL,
        applied_at  TEXT
      );
      -- The same file cannot be pending or applied twice; a discarded one may be staged again.
      CREATE UNIQUE INDEX import_batches_sha ON import_batches(sha256) WHERE status <> 'discarded';

      CREATE TABLE import_changes (
        id        INTEGER PRIMARY KEY,
        batch_id  INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
        item_key  TEXT NOT NULL,
        field     TEXT NOT NULL CHECK (field IN ('r7', 'future', 'comment')),
        row       INTEGER NOT NULL,         -- row in the file, for messages
        kind      TEXT NOT NULL CHECK (kind IN ('unchanged', 'theirs', 'ours', 'same', 'conflict', 'whitespace')),
        two_way   INTEGER NOT NULL DEFAULT 0,
        reason    TEXT,                     -- why a conflict is one (another ministry disagrees, no base…)
        base      TEXT,
        ours      TEXT NOT NULL,
        theirs    TEXT NOT NULL,
        decision  TEXT CHECK (decision IN ('theirs', 'ours', 'edit')),
        edited    TEXT,
        UNIQUE (batch_id, item_key, field)
      );
      CREATE INDEX import_changes_item ON import_changes(item_key, field);

      -- Notes the ministries wrote in 府省からの補足, kept once their batch is applied.
      CREATE TABLE ministry_notes (
        id        INTEGER PRIMARY KEY,
        item_key  TEXT NOT NULL REFERENCES items(key),
        ministry  TEXT,
        batch_id  INTEGER NOT NULL REFERENCES import_batches(id),
        text      TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    description: 'annotations: highlights, comments and notes with replies and a history of replaced versions',
    sql: `
      -- No foreign key to items: an annotation merged from another reviewer's file may name an item
      -- this database does not have; it is kept (as an orphan) rather than lost.
      CREATE TABLE annotations (
        id            TEXT PRIMARY KEY,       -- uuid, the same in every copy (merge key)
        item_key      TEXT NOT NULL,
        field         TEXT CHECK (field IN ('title', 'r7', 'future')),  -- NULL: the whole item
        bullet_index  INTEGER,
        -- The anchor (all NULL for a note on a whole item or field): quote, context, position, and
        -- the item version it was made on. Its place in today's text is computed on read.
        quote         TEXT,
        prefix        TEXT,
        suffix        TEXT,
        start_offset  INTEGER,
        end_offset    INTEGER,
        revision      INTEGER,
        kind          TEXT NOT NULL CHECK (kind IN ('highlight', 'comment', 'note')),
        color         TEXT NOT NULL,
        comment       TEXT NOT NULL DEFAULT '',
        tags          TEXT NOT NULL DEFAULT '[]',
        status        TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
        author        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT                    -- tombstone: kept so a merge cannot resurrect it
      );
      CREATE INDEX annotations_item ON annotations(item_key);

      CREATE TABLE annotation_replies (
        id             TEXT PRIMARY KEY,
        annotation_id  TEXT NOT NULL REFERENCES annotations(id),
        author         TEXT NOT NULL,
        text           TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT
      );
      CREATE INDEX annotation_replies_annotation ON annotation_replies(annotation_id, created_at);

      -- Versions replaced by an edit or a merge (JSON of the annotation without replies, or of a reply).
      CREATE TABLE annotation_history (
        id             INTEGER PRIMARY KEY,
        annotation_id  TEXT NOT NULL REFERENCES annotations(id),
        reply_id       TEXT,
        source         TEXT NOT NULL,
        value          TEXT NOT NULL,
        replaced_at    TEXT NOT NULL
      );
      CREATE INDEX annotation_history_annotation ON annotation_history(annotation_id, id);
    `,
  },
  {
    version: 5,
    description: 'import changes: the kinds cleared and shrunk, and when each cell was carried out',
    sql: `
      -- SQLite cannot alter a CHECK constraint: the table is rebuilt, every row and index kept.
      CREATE TABLE import_changes_v5 (
        id          INTEGER PRIMARY KEY,
        batch_id    INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
        item_key    TEXT NOT NULL,
        field       TEXT NOT NULL CHECK (field IN ('r7', 'future', 'comment')),
        row         INTEGER NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('unchanged', 'theirs', 'ours', 'same', 'conflict', 'whitespace', 'cleared', 'shrunk')),
        two_way     INTEGER NOT NULL DEFAULT 0,
        reason      TEXT,
        base        TEXT,
        ours        TEXT NOT NULL,
        theirs      TEXT NOT NULL,
        decision    TEXT CHECK (decision IN ('theirs', 'ours', 'edit')),
        edited      TEXT,
        -- When the apply carried this cell's decision out. A cell edited here while its batch was
        -- being applied is held back as a conflict: its batch stays staged with it, the rest done.
        applied_at  TEXT,
        UNIQUE (batch_id, item_key, field)
      );
      INSERT INTO import_changes_v5 (id, batch_id, item_key, field, row, kind, two_way, reason, base, ours, theirs, decision, edited, applied_at)
        SELECT c.id, c.batch_id, c.item_key, c.field, c.row, c.kind, c.two_way, c.reason, c.base, c.ours, c.theirs, c.decision, c.edited,
               CASE WHEN b.status = 'applied' THEN b.applied_at END
        FROM import_changes c LEFT JOIN import_batches b ON b.id = c.batch_id;
      DROP TABLE import_changes;
      ALTER TABLE import_changes_v5 RENAME TO import_changes;
      CREATE INDEX import_changes_item ON import_changes(item_key, field);
    `,
  },
  {
    version: 6,
    description: 'editions: the fiscal year as data (editions table), the actions field renamed from r7',
    sql: EDITIONS_SQL,
    run: migrateToEditions,
  },
  {
    version: 7,
    description: "editions: archived editions' items and sections, staged edition imports, items dropped by an edition",
    sql: EDITION_ITEMS_SQL,
  },
  {
    version: 8,
    description: 'warning checks: who confirmed an ingest warning of an item, and when',
    sql: `
      -- Keyed by the warning's text: a re-ingest that words a warning differently asks again.
      -- No foreign key to items: a check outlives nothing but is harmless when its item is gone.
      CREATE TABLE warning_checks (
        item_key    TEXT NOT NULL,
        warning     TEXT NOT NULL,
        checked_by  TEXT NOT NULL,
        checked_at  TEXT NOT NULL,
        PRIMARY KEY (item_key, warning)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    description: 'search by reading (the hiragana reading of every search text, its own index) and saved views',
    sql: `
      -- The reading of the text (にんちしょう for 認知症) and, per word, where its reading starts and
      -- which original characters it reads, as a flat JSON array (see shared/text/reading.ts).
      ALTER TABLE search_docs ADD COLUMN reading TEXT NOT NULL DEFAULT '';
      ALTER TABLE search_docs ADD COLUMN reading_map TEXT NOT NULL DEFAULT '[]';
      CREATE VIRTUAL TABLE search_reading USING fts5(reading, content='search_docs', content_rowid='id', tokenize='trigram');
      CREATE TRIGGER search_docs_reading_ai AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_reading(rowid, reading) VALUES (new.id, new.reading);
      END;
      CREATE TRIGGER search_docs_reading_ad AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_reading(search_reading, rowid, reading) VALUES ('delete', old.id, old.reading);
      END;

      -- Named views: the list filters and search text a user saved (「厚労省・認知症」).
      CREATE TABLE saved_views (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        filters     TEXT NOT NULL,
        query       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
    `,
    run: fillSearchReadings,
  },
  {
    version: 10,
    description: 'knowledge graph: staff curation of entities (rename, merge, hide), kept apart from the text so re-ingest keeps it',
    sql: `
      CREATE TABLE graph_curation (
        entity_id    TEXT PRIMARY KEY,     -- dictionary id or pattern id (p:…), stable across re-ingest
        label        TEXT,                 -- the name shown instead of the found one; NULL: as found
        merged_into  TEXT,                 -- the entity this one is shown as; NULL: itself
        hidden       INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        author       TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        CHECK (merged_into IS NULL OR merged_into <> entity_id)
      );
    `,
  },
  {
    version: 11,
    description: 'annotations belong to the edition they were made on, and remember the annotation they were carried forward from',
    sql: `
      -- SQLite adds a NOT NULL column only with a default; every insert names the year, and the
      -- default only fills the rows that exist now, which the run step then sets to the current edition.
      ALTER TABLE annotations ADD COLUMN fiscal_year INTEGER NOT NULL DEFAULT 7;
      ALTER TABLE annotations ADD COLUMN carried_from TEXT;
      CREATE INDEX annotations_edition ON annotations(fiscal_year, item_key);
    `,
    run: (db) => {
      // Annotations made so far were made on the current edition (the only one, or the one they were re-anchored on).
      db.prepare("UPDATE annotations SET fiscal_year = COALESCE((SELECT fiscal_year FROM editions WHERE status = 'current'), 7)").run();
    },
  },
  {
    version: 12,
    description: 'draft editions: the draft an inquiry workbook was exported from, and the one a returned workbook merges into',
    sql: `
      -- N of the draft edition (令和N) the workbook asks about; NULL: the current edition (the live plan).
      ALTER TABLE exports ADD COLUMN draft_year INTEGER;
      ALTER TABLE import_batches ADD COLUMN draft_year INTEGER;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
