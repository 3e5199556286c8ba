import { BrowserRouter } from 'react-router-dom';
import { AppProviders } from './providers.js';
import { AppRoutes } from './routes.js';

export function App() {
  return (
    <AppProviders>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
