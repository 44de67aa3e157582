// The page: banner, then outline (left), list (middle) and the main view (right); the import review
// takes the whole width. The file dialogs, the drop overlay and the application-menu commands live here.
import { lazy, Suspense, useEffect } from 'react';
import { onAppCommand } from '../../api-client';
import { openFileDialog } from '../../state/round-trip';
import { useApp } from '../../state/store';
import { FilterBar } from '../filters/FilterBar';
import { ItemView } from '../item/ItemView';
import { ListPane } from '../list/ListPane';
import { Outline } from '../outline/Outline';
import { FutureOverview } from '../overview/FutureOverview';
import { ProjectView } from '../projects/ProjectView';
import { BackupsDialog } from '../round-trip/BackupsDialog';
import { ExportDialogs } from '../round-trip/ExportDialog';
import { DropOverlay, ImportDialog, ImportInput, openFilePicker } from '../round-trip/ImportPicker';
import { ImportReview } from '../round-trip/ImportReview';
import { AuthorDialog, UnsavedChangesDialog } from './Dialogs';
import { Header } from './Header';
import { KeyboardHelp } from './KeyboardHelp';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { AnnotationsView } from '../annotations/AnnotationsView';
import { MeetingPack } from '../annotations/MeetingPack';
import { Dashboard } from '../dashboard/Dashboard';
import { QualityHelp } from '../quality/QualityHelp';

// The graph view brings Cytoscape.js (~450 kB): loaded from the app's own files when first opened.
const GraphView = lazy(() => import('../graph/GraphView').then((m) => ({ default: m.GraphView })));
import { EditionsView } from '../editions/EditionsView';
import { EditionInput } from '../editions/EditionPicker';
import { ArchivedEditionBanner } from '../editions/EditionSwitcher';
import { openEditions } from '../../state/editions';

function MainView() {
  const view = useApp((s) => s.view);
  if (view === 'imports') return <ImportReview />;
  if (view === 'boilerplate') return <FutureOverview />;
  if (view === 'projects') return <ProjectView />;
  if (view === 'annotations') return <AnnotationsView />;
  if (view === 'pack') return <MeetingPack />;
  if (view === 'dashboard') return <Dashboard />;
  if (view === 'quality-help') return <QualityHelp />;
  if (view === 'graph') {
    return (
      <Suspense fallback={<p className="status status-loading">ナレッジグラフを読み込んでいます…</p>}>
        <GraphView />
      </Suspense>
    );
  }
  if (view === 'editions') return <EditionsView />;
  return <ItemView />;
}

export function AppShell() {
  // The import review, the graph and the editions screens take the whole width.
  const wide = useApp((s) => s.view === 'imports' || s.view === 'graph' || s.view === 'editions');
  useEffect(
    () =>
      onAppCommand((command) => {
        if (command === 'import') openFilePicker();
        else if (command === 'editions') openEditions('list');
        else openFileDialog(command);
      }),
    [],
  );
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <div>
        <Header />
        <ReadOnlyBanner />
        <ArchivedEditionBanner />
      </div>
      <div className={wide ? 'panes panes-wide' : 'panes'}>
        {!wide && (
          <>
            <nav className="pane pane-outline" aria-label="目次">
              <Outline />
            </nav>
            <section className="pane pane-list" aria-label="項目一覧">
              <FilterBar />
              <ListPane />
            </section>
          </>
        )}
        <main id="main" className={wide ? 'pane pane-main pane-review' : 'pane pane-main'} tabIndex={-1}>
          <MainView />
        </main>
      </div>
      <UnsavedChangesDialog />
      <AuthorDialog />
      <KeyboardHelp />
      <ExportDialogs />
      <ImportDialog />
      <BackupsDialog />
      <ImportInput />
      <EditionInput />
      <DropOverlay />
    </div>
  );
}
