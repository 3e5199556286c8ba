import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './Layout.js';
import { Loading } from '../components/QueryState.js';
import { NotFound } from './NotFound.js';

// Every view is its own chunk: the first paint needs only the shell, and Cytoscape or ECharts
// arrive with the view that draws them.
const ExplorerPage = lazy(() => import('../features/explorer/ExplorerPage.js'));
const LineagePage = lazy(() => import('../features/lineage/LineagePage.js'));
const ThemesPage = lazy(() => import('../features/theme/ThemesPage.js'));
const ThemePage = lazy(() => import('../features/theme/ThemePage.js'));
const DepartmentsPage = lazy(() => import('../features/department/DepartmentsPage.js'));
const DepartmentPage = lazy(() => import('../features/department/DepartmentPage.js'));
const DocumentsPage = lazy(() => import('../features/document/DocumentsPage.js'));
const ComparePage = lazy(() => import('../features/compare/ComparePage.js'));
const DocumentPage = lazy(() => import('../features/document/DocumentPage.js'));
const ImportPage = lazy(() => import('../features/import/ImportPage.js'));
const CurationPage = lazy(() => import('../features/curation/CurationPage.js'));
const PrintLineagePage = lazy(() => import('../features/print/PrintLineagePage.js'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/explore" replace />} />
        <Route path="explore" element={<Lazy><ExplorerPage /></Lazy>} />
        <Route path="lineage/:measureId" element={<Lazy><LineagePage /></Lazy>} />
        <Route path="lineage/:measureId/print" element={<Lazy><PrintLineagePage /></Lazy>} />
        <Route path="compare" element={<Lazy><ComparePage /></Lazy>} />
        <Route path="themes" element={<Lazy><ThemesPage /></Lazy>} />
        <Route path="themes/:name" element={<Lazy><ThemePage /></Lazy>} />
        <Route path="departments" element={<Lazy><DepartmentsPage /></Lazy>} />
        <Route path="departments/:name" element={<Lazy><DepartmentPage /></Lazy>} />
        <Route path="documents" element={<Lazy><DocumentsPage /></Lazy>} />
        <Route path="documents/:id" element={<Lazy><DocumentPage /></Lazy>} />
        <Route path="import" element={<Lazy><ImportPage /></Lazy>} />
        <Route path="curation" element={<Lazy><CurationPage /></Lazy>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}
