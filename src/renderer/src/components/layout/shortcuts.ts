// Every keyboard shortcut of the app, in one place: the keyboard help (? / F1) lists them all and the
// start page shows the first few. Collected from the key handlers (useGlobalKeys, VirtualListbox,
// SearchBox, ItemView tabs, CompareView, BulletEditor, ItemEditor, MatchNavigator, SelectionToolbar,
// CellChangeRow, FileMenu, Dialog, KeyboardHelp, PaneResizer); a new handler adds its line here.

export interface Shortcut {
  keys: string;
  what: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'どこでも',
    shortcuts: [
      { keys: '/', what: '検索ボックスへ移動' },
      { keys: '? / F1', what: 'このキーボード操作の一覧を開く' },
      { keys: 'Esc', what: '小項目の表示から一覧へ戻る/ダイアログやメニューを閉じる' },
      { keys: 'Tab / Shift+Tab', what: '次/前の操作できる場所へ移動' },
    ],
  },
  {
    title: '一覧と検索',
    shortcuts: [
      { keys: '↑ ↓', what: '一覧で移動(検索ボックスで ↓ または Enter を押すと結果へ)' },
      { keys: 'Home / End / PageUp / PageDown', what: '一覧の先頭/末尾/1画面分の移動' },
      { keys: 'Enter / Space', what: '選んだ小項目を開く' },
      { keys: 'Esc(検索ボックス・検索結果で)', what: '検索を消す' },
      { keys: 'F3 / N、Shift+F3 / Shift+N', what: '開いた小項目の中で次/前の一致箇所へ(一致箇所の欄では ↑ ↓ も)' },
    ],
  },
  {
    title: '小項目の表示',
    shortcuts: [
      { keys: '← →(タブで)', what: '取組と今後の方向性/変更履歴/前年度の方向性の切り替え' },
      { keys: '↑ ↓ / Home / End(比較表示で)', what: '同じ列の箇条書きを移動' },
      { keys: '← →(比較表示で)', what: '取組と今後の方向性の対応先へ移動' },
      { keys: 'Shift+F10 / メニューキー', what: '文字を選んだ後、注釈のツールバーへ移動(ツールバーでは ← →)' },
    ],
  },
  {
    title: '編集',
    shortcuts: [
      { keys: 'Ctrl+S', what: '編集内容を保存' },
      { keys: 'Alt+↑ / Alt+↓', what: '編集中の箇条書きを上/下へ移動' },
      { keys: 'Alt+→ / Alt+←', what: '編集中の箇条書きの字下げ/字上げ' },
      { keys: 'Ctrl+Enter / Esc(取込の確認で)', what: '編集したセルの値を決定/取り消し' },
    ],
  },
  {
    title: '画面とメニュー',
    shortcuts: [
      { keys: '↑ ↓ / Home / End(ファイルメニューで)', what: 'メニューの項目を移動' },
      { keys: '← →(区切り線で)', what: '欄の幅を変える(Home / End で最小/最大)' },
      { keys: 'Ctrl+O / Ctrl+E(デスクトップ版)', what: '回答を取り込む/府省別照会シートを出力' },
    ],
  },
];

const EVERYDAY_KEYS = ['/', '? / F1', '↑ ↓', 'Enter / Space', 'Esc', 'Ctrl+S'];

/** The shortcuts the start page shows: the everyday ones. */
export const EVERYDAY_SHORTCUTS: Shortcut[] = EVERYDAY_KEYS.map((keys) =>
  SHORTCUT_GROUPS.flatMap((g) => g.shortcuts).find((s) => s.keys === keys)!,
);
