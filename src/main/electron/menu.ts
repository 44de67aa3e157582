// The Japanese application menu with the usual roles. The ファイル commands of the Excel round trip
// are sent to the page (onCommand), which opens the same dialogs as its own ファイル menu.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/api';

export function buildMenu(options: { onAbout: () => void; onCommand: (command: AppCommand) => void }): Menu {
  const command = (label: string, id: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => options.onCommand(id),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'ファイル',
      submenu: [
        command('府省別照会シートを出力…', 'export-ministry', 'CmdOrCtrl+E'),
        command('協議会資料を出力…', 'export-table'),
        command('回答を取り込む…', 'import', 'CmdOrCtrl+O'),
        { type: 'separator' },
        command('バックアップと復元…', 'backups'),
        command('版と新旧対照…', 'editions'),
        { type: 'separator' },
        { role: 'close', label: 'ウィンドウを閉じる' },
        { type: 'separator' },
        { role: 'quit', label: '協議会デスクを終了' },
      ],
    },
    {
      label: '編集',
      submenu: [
        { role: 'undo', label: '元に戻す' },
        { role: 'redo', label: 'やり直す' },
        { type: 'separator' },
        { role: 'cut', label: '切り取り' },
        { role: 'copy', label: 'コピー' },
        { role: 'paste', label: '貼り付け' },
        { role: 'selectAll', label: 'すべて選択' },
      ],
    },
    {
      label: '表示',
      submenu: [
        { role: 'reload', label: '再読み込み' },
        { type: 'separator' },
        { role: 'resetZoom', label: '実際のサイズ' },
        { role: 'zoomIn', label: '拡大' },
        { role: 'zoomOut', label: '縮小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全画面表示' },
        { role: 'toggleDevTools', label: '開発者ツール' },
      ],
    },
    {
      label: 'ヘルプ',
      submenu: [{ label: '協議会デスクについて', click: options.onAbout }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
