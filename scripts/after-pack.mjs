// electron-builder afterPack hook: the packaged app must carry better-sqlite3's native module for the
// platform and architecture it was packed for. better-sqlite3 13 is built on Node-API (NAPI_VERSION
// 10, ABI-stable), so the prebuilt binary its npm package ships for each platform loads in Electron as
// it does in Node: nothing is compiled against Electron's headers, and packaging needs no download
// for it. A package without that binary would start and then fail on opening the database: stop here.
import fs from 'node:fs';
import path from 'node:path';

const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const product = context.packager.appInfo.productFilename;
  const app =
    platform === 'darwin' || platform === 'mas'
      ? path.join(context.appOutDir, `${product}.app`, 'Contents', 'Resources', 'app')
      : path.join(context.appOutDir, 'resources', 'app');
  const archs = arch === 'universal' ? ['x64', 'arm64'] : [arch];
  for (const a of archs) {
    const binary = path.join(app, 'node_modules', 'better-sqlite3', 'prebuilds', `${platform === 'mas' ? 'darwin' : platform}-${a}.node`);
    if (!fs.existsSync(binary)) {
      throw new Error(
        `the packaged app has no better-sqlite3 binary for ${platform}-${a} (${binary}); better-sqlite3 ships prebuilt binaries for linux, darwin and win32 on x64 and arm64 only`,
      );
    }
  }
  const seeds = path.join(app, 'seeds');
  const names = fs.existsSync(seeds) ? fs.readdirSync(seeds) : [];
  for (const seed of ['000_', '004_']) {
    if (!names.some((n) => n.startsWith(seed))) throw new Error(`the packaged app lacks the seed document ${seed}*.txt (${seeds})`);
  }
}
