// The page: banner, then outline (left), list (middle) and the main view (right); the import review
// takes the whole width. The file dialogs, the drop overlay and the application-menu commands live here.
import { lazy, Suspense, useEffect, type CSSProperties } from 'react';
import { onAppCommand } from '../../api-client';
import { openFileDialog } from '../../state/round-trip';
import { useApp } from '../../state/app-state';
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
import { useLayoutPrefs, type LayoutPrefs } from './layout-prefs';
import { PaneDivider } from './PaneDivider';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { AnnotationsView } from '../annotations/AnnotationsView';
import { MeetingPack } from '../annotations/MeetingPack';
import { Dashboard } from '../dashboard/Dashboard';
import { QualityHelp } from '../quality/QualityHelp';
import { ChangesView } from '../changes/ChangesView';

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
  if (view === 'changes') return <ChangesView />;
  return <ItemView />;
}

/** The chosen pane widths as the CSS variables layout.css reads (a collapsed pane takes no width). */
function usePaneWidths(listAside: boolean): { collapsed: LayoutPrefs['collapsed']; paneWidths: CSSProperties } {
  const collapsed = useLayoutPrefs((s) => s.collapsed);
  const widths = useLayoutPrefs((s) => s.widths);
  const width = (pane: 'outline' | 'list') => (collapsed[pane] ? '0px' : widths[pane] === null ? undefined : `${widths[pane]}px`);
  const vars: Record<string, string> = {};
  const outline = width('outline');
  const list = listAside ? '0px' : width('list');
  if (outline) vars['--outline-width'] = outline;
  if (list) vars['--list-width'] = list;
  return { collapsed, paneWidths: vars as CSSProperties };
}

export function AppShell() {
  // The import review, the graph, the editions and the change list take the whole width.
  const wide = useApp((s) => s.view === 'imports' || s.view === 'graph' || s.view === 'editions' || s.view === 'changes');
  // The annotation list and the meeting pack filter by their own 府省, 区分…: the item list (with a
  // second 府省 filter) steps aside; the outline stays, its 注N counts follow the annotation filters.
  const ownFilters = useApp((s) => s.view === 'annotations' || s.view === 'pack');
  const { collapsed, paneWidths } = usePaneWidths(ownFilters);
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
      <div className={wide ? 'panes panes-wide' : 'panes'} style={wide ? undefined : paneWidths}>
        {!wide && (
          <>
            {!collapsed.outline && (
              <nav id="pane-outline" className="pane pane-outline" aria-label="目次">
                <Outline />
              </nav>
            )}
            <PaneDivider pane="outline" label="目次" controls="pane-outline" side="left" />
            {!collapsed.list && !ownFilters && (
              <section id="pane-list" className="pane pane-list" aria-label="項目一覧">
                <FilterBar />
                <ListPane />
              </section>
            )}
            {!ownFilters && <PaneDivider pane="list" label="一覧" controls="pane-list" side="left" />}
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
