import { HistoryPage } from '@/features/history/components/history-page';
import { NotFound } from '@/shared/components/not-found';
import { useIdParam } from './route-parts';

/** A scenario's History view, its own chunk (it draws with uPlot; the scenario's form does not). */
export function ScenarioHistoryRoute() {
  const id = useIdParam();
  if (id === undefined) return <NotFound />;
  return <HistoryPage key={id} scenarioId={id} />;
}
