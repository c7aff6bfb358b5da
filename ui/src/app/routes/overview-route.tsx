import { OpenAlertsCard } from '@/features/history/components/alert-panels';
import { OverviewPage } from '@/features/overview/components/overview-page';

/** The overview with the open regression alerts of the history feature. */
export function OverviewRoute() {
  return <OverviewPage alerts={<OpenAlertsCard />} />;
}
