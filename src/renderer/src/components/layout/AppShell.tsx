// The page: banner, then outline (left), list (middle) and the main view (right).
import { useApp } from '../../state/store';
import { FilterBar } from '../filters/FilterBar';
import { ItemView } from '../item/ItemView';
import { ListPane } from '../list/ListPane';
import { Outline } from '../outline/Outline';
import { FutureOverview } from '../overview/FutureOverview';
import { ProjectView } from '../projects/ProjectView';
import { AuthorDialog, UnsavedChangesDialog } from './Dialogs';
import { Header } from './Header';

function MainView() {
  const view = useApp((s) => s.view);
  if (view === 'boilerplate') return <FutureOverview />;
  if (view === 'projects') return <ProjectView />;
  return <ItemView />;
}

export function AppShell() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <Header />
      <div className="panes">
        <nav className="pane pane-outline" aria-label="目次">
          <Outline />
        </nav>
        <section className="pane pane-list" aria-label="項目一覧">
          <FilterBar />
          <ListPane />
        </section>
        <main id="main" className="pane pane-main" tabIndex={-1}>
          <MainView />
        </main>
      </div>
      <UnsavedChangesDialog />
      <AuthorDialog />
    </div>
  );
}
