// Loading the entity dictionary shipped in resources/ (editable by staff), checked against its schema.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { compileDictionary, parseDictionary, type CompiledDictionary } from '../../shared/graph';
import { appRoot } from '../app-info';

/** resources/entities.json, or $COUNCIL_DESK_ENTITIES (a copy being edited, a test's own). */
export function dictionaryPath(): string {
  return process.env.COUNCIL_DESK_ENTITIES ?? path.join(appRoot(), 'resources', 'entities.json');
}

export function loadDictionary(file = dictionaryPath()): CompiledDictionary {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('bad_request', `固有名辞書を読めません(${path.basename(file)}): ${(err as Error).message}`);
  }
  try {
    return compileDictionary(parseDictionary(json));
  } catch (err) {
    const detail = err instanceof z.ZodError ? err.issues.map((i) => i.message).join('、') : (err as Error).message;
    throw new AppError('bad_request', `固有名辞書(${path.basename(file)})の内容が正しくありません: ${detail}`);
  }
}
