import { useLocation } from 'react-router-dom';
import { NotFoundBody } from '../components/NotFoundBody.js';

export function NotFound() {
  const location = useLocation();
  return (
    <div className="page page--narrow">
      <NotFoundBody query={location.pathname} />
    </div>
  );
}
