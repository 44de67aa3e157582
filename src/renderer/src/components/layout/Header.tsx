// The banner: app name, the ファイル menu, search, the main screens, and who is editing. Below 1600 px
// the screen buttons take a row of their own (layout.css); the order in the page, and so Tab, is the same.
import { useApp, type View } from '../../state/app-state';
import { changeAuthor } from '../../state/author';
import { goHome, setView, showItems } from '../../state/screens';
import { FileMenu } from '../round-trip/FileMenu';
import { SearchBox } from '../search/SearchBox';
import { EditionSwitcher } from '../editions/EditionSwitcher';
import { FontSizeControl } from './FontSizeControl';
import { openKeyboardHelp } from './KeyboardHelp';

const VIEWS: { id: View; label: string }[] = [
  { id: 'item', label: '小項目' },
  { id: 'dashboard', label: 'ダッシュボード' },
  { id: 'boilerplate', label: '今後の方向性の概観' },
  { id: 'projects', label: 'AMED事業' },
  { id: 'annotations', label: '注釈一覧' },
  { id: 'changes', label: '変更一覧' },
  { id: 'graph', label: 'ナレッジグラフ' },
  { id: 'imports', label: '取り込み' },
  { id: 'editions', label: '版' },
];

export function Header() {
  const view = useApp((s) => s.view);
  const author = useApp((s) => s.author);
  const atHome = useApp((s) => s.view === 'item' && s.selectedKey === null);
  return (
    <header className="app-header">
      <h1 className="app-name">
        <a
          href="#"
          className="app-name-link"
          title="スタートページへ戻る"
          onClick={(e) => {
            e.preventDefault();
            goHome();
          }}
        >
          協議会デスク
        </a>
      </h1>
      <FileMenu />
      <EditionSwitcher />
      <SearchBox />
      <nav aria-label="画面" className="view-nav">
        <ul>
          <li>
            <button type="button" className="view-button" aria-current={atHome ? 'page' : undefined} onClick={goHome}>
              ホーム
            </button>
          </li>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="view-button"
                aria-current={view === v.id && !atHome ? 'page' : undefined}
                onClick={() => (v.id === 'item' ? showItems() : setView(v.id))}
              >
                {v.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <button
        type="button"
        className="author-button"
        onClick={changeAuthor}
        title="変更履歴に記録する作成者名(1台を複数人で使うときはここで切り替え)"
      >
        作成者: {author || '未設定'} ▾
      </button>
      <FontSizeControl />
      <button type="button" className="help-button" onClick={openKeyboardHelp} aria-label="キーボード操作" title="キーボード操作(? / F1)">
        ?
      </button>
    </header>
  );
}
