// The API methods of finding things: 「もしかして」 suggestions and saved views.
import type { Handlers } from '../../shared/api';
import type { Db } from '../store/database';
import { suggest } from '../store/search-suggest';
import { deleteView, listViews, renameView, saveView } from '../store/search-views';

type SearchMethods = 'search.suggest' | 'views.list' | 'views.save' | 'views.rename' | 'views.delete';

export function searchHandlers(db: Db): Pick<Handlers, SearchMethods> {
  return {
    'search.suggest': ({ query }) => ({ suggestion: suggest(db, query) }),
    'views.list': () => listViews(db),
    'views.save': ({ name, filters, query }) => saveView(db, name, filters, query),
    'views.rename': ({ id, name }) => renameView(db, id, name),
    'views.delete': ({ id }) => deleteView(db, id),
  };
}
