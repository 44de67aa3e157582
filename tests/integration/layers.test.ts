// The layer rules of architecture.md are enforced by the linter; these tests prove the rules bite.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it('stop src/shared importing Node, Electron or native modules, or using DOM globals', async () => {
    expect(await ruleIds('src/shared/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src/shared/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds('src/shared/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds('src/shared/probe.ts', 'export const x = document.title;\n')).toContain('no-restricted-globals');
    expect(await ruleIds('src/shared/probe.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
  });

  it('stop src/renderer importing src/main', async () => {
    expect(
      await ruleIds(
        'src/renderer/src/probe.ts',
        "import { openDatabase } from '../../main/store/database';\nexport const x = openDatabase;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('src/renderer/src/probe.ts', "import path from 'node:path';\nexport const x = path;\n")).toContain(
      'no-restricted-imports',
    );
  });
});
