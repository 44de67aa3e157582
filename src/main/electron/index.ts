// The Electron door: one secure window over the same API the web host and CLI use.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMMAND_CHANNEL, IPC_CHANNEL, PDF_CHANNEL, type PdfOutcome } from '../../shared/api';
import { APP_VERSION, defaultDbPath } from '../app-info';
import type { Dispatch } from '../api/dispatch';
import { openService, type Service } from '../api/service';
import { fillPendingReadingsInBackground } from '../store/search-readings';
import { buildMenu } from './menu';
import { APP_ORIGIN, APP_SCHEME, hardenAllContents, hardenSession, isTrustedSender } from './security';
import { loadWindowState, trackWindowState } from './window-state';
import { PACK_PDF_OPTIONS } from '../../shared/pack-print';

// The same folder and database file the CLI uses by default.
app.setName('council-desk');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let service: Service | undefined;
let mainWindow: BrowserWindow | undefined;

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');

/** Serve the built renderer from council://app/, never from outside its folder. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererDir, `.${rel}`);
    if (!file.startsWith(rendererDir + path.sep)) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

/** The page's calls, through the IPC door: like the web host's page, it never names a path. */
function handleInvoke(ipcDoor: Dispatch<'ipc'>): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event, mainWindow?.webContents)) {
      return { ok: false, error: { code: 'bad_request', message: '許可されていない呼び出し元です' } };
    }
    return ipcDoor(typeof method === 'string' ? method : '', args);
  });
}

/** Print to PDF (the meeting pack): the main side asks where to save, so the page never names a path. */
function handlePrintToPdf(): void {
  ipcMain.handle(PDF_CHANNEL, async (event, suggested: unknown): Promise<PdfOutcome> => {
    const win = mainWindow;
    if (!win || !isTrustedSender(event, win.webContents)) return { saved: false, message: '許可されていない呼び出し元です' };
    const name = typeof suggested === 'string' && /^[^\\/:*?"<>|]{1,100}\.pdf$/.test(suggested) ? suggested : '会議用資料.pdf';
    const choice = await dialog.showSaveDialog(win, {
      title: 'PDFとして保存',
      defaultPath: path.join(app.getPath('documents'), name),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false, message: null };
    try {
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', ...PACK_PDF_OPTIONS });
      await fs.promises.writeFile(choice.filePath, pdf);
      return { saved: true, file: choice.filePath };
    } catch (err) {
      return { saved: false, message: `PDFを保存できませんでした: ${(err as Error).message}` };
    }
  });
}

function createWindow(): void {
  const dataDir = app.getPath('userData');
  const state = loadWindowState(dataDir);
  mainWindow = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '協議会デスク',
    webPreferences: {
      // Reviewed: the preload (src/preload/index.ts) exposes only invoke() over one channel, and the
      // main side checks the sender frame and validates every argument against the contract.
      preload: path.join(here, '..', 'preload', 'index.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) mainWindow.maximize();
  trackWindowState(mainWindow, dataDir);
  mainWindow.once('ready-to-show', () => {
    mainWindow?.show();
    // Readings a seed or import left pending are analysed by a worker once the window is up.
    if (service) void fillPendingReadingsInBackground(service.db);
  });
  mainWindow.on('closed', () => (mainWindow = undefined));
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  hardenAllContents();
  app.whenReady().then(() => {
    hardenSession();
    serveRenderer();
    try {
      service = openService(defaultDbPath(process.env.COUNCIL_DESK_DB ?? path.join(app.getPath('userData'), 'council-desk.db')));
    } catch (err) {
      dialog.showErrorBox('協議会デスクを起動できません', (err as Error).message);
      app.quit();
      return;
    }
    handleInvoke(service.doorFor('ipc'));
    handlePrintToPdf();
    Menu.setApplicationMenu(
      buildMenu({
        onAbout: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: '協議会デスクについて',
            message: `協議会デスク ${APP_VERSION}`,
            detail: `データベース: ${service?.db.name}`,
          }),
        // The page opens the dialog; files are read and saved there (one mechanism for both doors).
        onCommand: (command) => mainWindow?.webContents.send(COMMAND_CHANNEL, command),
      }),
    );
    // The workbook reader's spare worker starts when the page turns to importing (imports.prepare).
    createWindow();
  });
  app.on('window-all-closed', () => {
    service?.close();
    app.quit();
  });
}
