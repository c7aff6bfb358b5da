import { IngestionPage } from '@/features/ingestion/components/ingestion-page';
import { NotFound } from '@/shared/components/not-found';
import { useIdParam } from './route-parts';

/** /targets/:id/ingestion: the Ingestion page of one ingestor target. */
export function IngestionRoute() {
  const targetId = useIdParam();
  if (targetId === undefined) return <NotFound what="target" />;
  return <IngestionPage targetId={targetId} />;
}
