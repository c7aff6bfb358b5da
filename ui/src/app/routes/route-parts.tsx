import { Link, useParams, useRouteError } from 'react-router';
import { focusRing } from '@/shared/components/button';
import { EmptyState, ErrorState } from '@/shared/components/states';
import { paths } from '@/shared/paths';

export function useIdParam(): number | undefined {
  const { id } = useParams();
  return id && /^\d+$/.test(id) ? Number(id) : undefined;
}

export function NotFound() {
  return (
    <EmptyState title="Nothing here">
      <Link to={paths.overview} className={`text-indigo-700 hover:underline ${focusRing}`}>Back to the overview</Link>
    </EmptyState>
  );
}

export function RouteError() {
  return <ErrorState error={useRouteError()} title="This page failed." />;
}
