import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiRequest } from '@/shared/api-client/api-client';
import { liveSocket } from '@/shared/api-client/live-socket';
import type { TelemetrySample } from '@/shared/api-client/types';

export type { TelemetrySample };

export function getRunTelemetry(runId: number): Promise<TelemetrySample[]> {
  return apiRequest<TelemetrySample[]>(`/runs/${runId}/telemetry`);
}

/** Samples by seq, in order: the stored ones and those pushed since, each once. */
export function mergeSamples(stored: readonly TelemetrySample[], pushed: readonly TelemetrySample[]): TelemetrySample[] {
  const bySeq = new Map<number, TelemetrySample>();
  for (const s of [...stored, ...pushed]) bySeq.set(s.seq, s);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function telemetryOf(message: unknown): TelemetrySample | null {
  const m = message as { type?: unknown; sample?: TelemetrySample } | null;
  return m && m.type === 'telemetry' && m.sample && typeof m.sample.seq === 'number' ? m.sample : null;
}

/** A run's telemetry: what is stored, and while it runs, each sample the live feed pushes. */
export function useRunTelemetry(runId: number): TelemetrySample[] {
  const stored = useQuery({ queryKey: ['runs', runId, 'telemetry'], queryFn: () => getRunTelemetry(runId), enabled: runId > 0 });
  // keyed by run, so another run's pushed samples never show (no reset inside the effect needed)
  const [pushed, setPushed] = useState<{ runId: number; samples: TelemetrySample[] }>({ runId, samples: [] });
  useEffect(() => {
    if (runId <= 0) return;
    return liveSocket.subscribe(runId, (message) => {
      const sample = telemetryOf(message);
      if (sample) setPushed((current) => ({ runId, samples: current.runId === runId ? [...current.samples, sample] : [sample] }));
    });
  }, [runId]);
  return mergeSamples(stored.data ?? [], pushed.runId === runId ? pushed.samples : []);
}
