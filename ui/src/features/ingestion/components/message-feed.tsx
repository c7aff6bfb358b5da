import { Card, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { formatDateTime } from '@/shared/format/format';
import type { IngestedMessage } from '../api/ingestion-types';

/** The newest 50 stored messages, newest first, as the ingestor's GET /messages gives them. */
export function MessageFeed({ messages, error }: { messages: readonly IngestedMessage[] | undefined; error?: string }) {
  return (
    <Card title="Live feed (the last 50 messages stored)" testId="ingest-feed">
      {error && <p role="alert" className="mb-2 text-sm text-amber-700">{error}</p>}
      {!messages || messages.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="ingest-feed-empty">{messages ? 'No message stored yet: run a simulation.' : 'Loading…'}</p>
      ) : (
        <TableScroll label="Last 50 messages">
          <table className={tableClasses}>
            <thead>
              <tr>{['Stored', 'User', 'Channel', 'Content', 'Id'].map((h) => <th key={h} className={thClasses}>{h}</th>)}</tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {messages.map((m) => (
                <tr key={m.id} data-testid="ingest-feed-row">
                  <td className={`${tdClasses} tabular-nums`} title={`created ${m.created_at}`}>{formatDateTime(m.inserted_at)}</td>
                  <td className={`${tdClasses} tabular-nums`}>{m.user_id}</td>
                  <td className={`${tdClasses} tabular-nums`}>{m.channel_id}</td>
                  <td className={tdClasses}>{m.content}</td>
                  <td className={`${tdClasses} font-mono text-xs text-slate-500`}>{m.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Card>
  );
}
