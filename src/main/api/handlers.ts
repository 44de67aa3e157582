// The implementation of the API contract (src/shared/api.ts) over one open database.
import { API, type DocumentInfo, type Handlers, type Preferences } from '../../shared/api';
import type { ProjectRecord } from '../../shared/project';
import type { Db } from '../store/database';
import { schemaVersion } from '../store/database';
import { getItem, listItems, listRevisions, listSections, restoreRevision, writeField } from '../store/plan-store';
import { search } from '../store/search';
import { currentEdition, currentFiscalYear, listEditions } from '../store/edition-store';
import { getEditionItem, listEditionItems } from '../editions/edition-items';
import { searchEdition } from '../editions/edition-search';
import { APP_VERSION } from '../app-info';
import { annotationHandlers } from './annotation-handlers';
import { editionHandlers } from './edition-handlers';
import { dashboardHandlers } from './dashboard-handlers';
import { filterByFacets } from '../store/item-facets';
import { needsFacets } from '../../shared/item-filter';
import { noteHandlers } from './note-handlers';
import { parserHandlers } from './parser-handlers';
import { roundTripHandlers } from './round-trip-handlers';
import { searchHandlers } from './search-handlers';
import { graphHandlers } from './graph-handlers';
import { changeHandlers } from './change-handlers';

function readPreferences(db: Db): Preferences {
  const row = db.prepare("SELECT value FROM preferences WHERE name = 'author'").get() as { value: string } | undefined;
  return { author: row?.value ?? '' };
}

export function createHandlers(db: Db): Handlers {
  return {
    'plan.overview': () => {
      const documents = (
        db.prepare('SELECT name, kind, title, sha256, ingested_at FROM documents ORDER BY name').all() as {
          name: string;
          kind: DocumentInfo['kind'];
          title: string;
          sha256: string;
          ingested_at: string;
        }[]
      ).map((d) => ({ name: d.name, kind: d.kind, title: d.title, sha256: d.sha256, ingestedAt: d.ingested_at }));
      const itemCount = (db.prepare('SELECT COUNT(*) AS n FROM items WHERE retired_in IS NULL').get() as { n: number }).n;
      const edition = currentEdition(db);
      return {
        title: edition?.title ?? documents.find((d) => d.kind === 'plan')?.title ?? '',
        edition,
        documents,
        sections: listSections(db),
        itemCount,
        schemaVersion: schemaVersion(db),
        appVersion: APP_VERSION,
        readOnly: db.readonly,
      };
    },
    'items.list': (args) => {
      const { edition, ...filter } = args ?? {};
      if (edition !== undefined && edition !== currentFiscalYear(db)) {
        return needsFacets(filter) ? filterByFacets(db, filter, edition) : listEditionItems(db, edition, filter);
      }
      return needsFacets(filter) ? filterByFacets(db, filter) : listItems(db, filter);
    },
    'items.get': ({ key, edition }) =>
      edition === undefined || edition === currentFiscalYear(db) ? getItem(db, key) : getEditionItem(db, edition, key),
    'items.update': ({ key, field, value, author, expectedVersion }) => {
      writeField(db, key, field, value, { author, source: 'edit', expectedVersion });
      return getItem(db, key);
    },
    'items.history': ({ key }) => listRevisions(db, key),
    'items.restore': ({ revisionId, author }) => restoreRevision(db, revisionId, author),
    search: ({ query, limit, edition, allEditions }) => {
      const current = currentFiscalYear(db);
      if (allEditions) {
        const others = listEditions(db).filter((e) => e.fiscalYear !== current);
        const hits = [
          ...search(db, query, limit).map((h) => ({ ...h, edition: current ?? undefined })),
          ...others.flatMap((e) => searchEdition(db, e.fiscalYear, query, limit)),
        ];
        return hits.slice(0, limit ?? 50);
      }
      return edition === undefined || edition === current ? search(db, query, limit) : searchEdition(db, edition, query, limit);
    },
    'projects.list': () =>
      (db.prepare('SELECT data_json FROM projects ORDER BY key').all() as { data_json: string }[]).map(
        (r) => JSON.parse(r.data_json) as ProjectRecord,
      ),
    'prefs.get': () => readPreferences(db),
    'prefs.set': ({ author }) => {
      if (author !== undefined) {
        db.prepare("INSERT INTO preferences (name, value) VALUES ('author', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value").run(
          author,
        );
      }
      return readPreferences(db);
    },
    'items.getMany': ({ keys }) => db.transaction(() => keys.map((key) => getItem(db, key)))(),
    ...roundTripHandlers(db),
    ...parserHandlers(),
    ...annotationHandlers(db),
    ...editionHandlers(db),
    ...dashboardHandlers(db),
    ...searchHandlers(db),
    ...graphHandlers(db),
    ...noteHandlers(db),
    ...changeHandlers(db),
  };
}

export { API };
