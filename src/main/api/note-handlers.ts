// The API methods of 府省からの補足 (ministry notes recorded when answers are applied).
import type { Handlers } from '../../shared/api';
import type { Db } from '../store/database';
import { notesOf } from '../store/ministry-notes';

export function noteHandlers(db: Db): Pick<Handlers, 'items.notes'> {
  return {
    'items.notes': ({ keys }) => notesOf(db, keys),
  };
}
