import { useParams, useRouteError } from 'react-router';
import { ErrorState } from '@/shared/components/states';

export function useIdParam(): number | undefined {
  const { id } = useParams();
  return id && /^\d+$/.test(id) ? Number(id) : undefined;
}

export function RouteError() {
  return <ErrorState error={useRouteError()} title="This page failed." />;
}
