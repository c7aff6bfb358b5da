import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RUN_STATUSES, type RunStatus } from '@/shared/api-client/types';
import { MineToggle } from '@/shared/auth/mine-filter';
import { Button, buttonClasses } from '@/shared/components/button';
import { inputClasses } from '@/shared/components/field';
import { Card, PageHeader } from '@/shared/components/layout-parts';
import { RunsTable } from '@/shared/components/runs-table';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { formatCount } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import { useFilterOptions } from '../api/get-filter-options';
import { useRuns, type RunFilters } from '../api/get-runs';
import { filtersFromSearch, searchFromFilters } from '../api/run-filters-url';

const PAGE_SIZES = [10, 20, 50, 100];

export function RunsList() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const runs = useRuns(filters);
  const options = useFilterOptions();
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) => setPicked((now) => {
    const next = new Set(now);
    if (!next.delete(id)) next.add(id);
    return next;
  });

  // Any filter change starts again at the first page.
  const update = (change: Partial<RunFilters>) =>
    setSearch(searchFromFilters({ ...filters, page: 0, ...change }), { replace: false });
  const filtered = Boolean(filters.status || filters.target_id || filters.scenario_id || filters.from || filters.to || filters.mine);

  return (
    <>
      <PageHeader title="Runs" actions={<CompareButton picked={picked} />}>Every run, newest first; tick 2 to 5 to compare them.</PageHeader>
      <Card>
        <div className="mb-3"><MineToggle mine={filters.mine === true} onChange={(mine) => update({ mine: mine || undefined })} /></div>
        <form className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-6" onSubmit={(e) => e.preventDefault()} aria-label="Filter runs">
          <FilterSelect label="Status" value={filters.status ?? ''} onChange={(v) => update({ status: (v || undefined) as RunStatus | undefined })}
            options={RUN_STATUSES.map((s) => ({ value: s, label: s }))} />
          <FilterSelect label="Target" value={filters.target_id ?? ''} onChange={(v) => update({ target_id: v ? Number(v) : undefined })}
            options={options.targets.map((t) => ({ value: String(t.id), label: t.name }))} />
          <FilterSelect label="Scenario" value={filters.scenario_id ?? ''} onChange={(v) => update({ scenario_id: v ? Number(v) : undefined })}
            options={options.scenarios.map((s) => ({ value: String(s.id), label: s.name }))} />
          <label className="text-sm font-medium text-slate-700">
            From
            <input type="date" className={`${inputClasses} mt-1`} value={filters.from ?? ''} onChange={(e) => update({ from: e.target.value || undefined })} />
          </label>
          <label className="text-sm font-medium text-slate-700">
            To
            <input type="date" className={`${inputClasses} mt-1`} value={filters.to ?? ''} onChange={(e) => update({ to: e.target.value || undefined })} />
          </label>
          <div className="flex items-end">
            <Button variant="secondary" disabled={!filtered} onClick={() => setSearch(new URLSearchParams())}>
              Clear filters
            </Button>
          </div>
        </form>

        {runs.isPending ? (
          <LoadingState label="Loading runs…" />
        ) : runs.isError ? (
          <ErrorState error={runs.error} onRetry={() => void runs.refetch()} title="Could not load runs." />
        ) : runs.data.items.length === 0 ? (
          <EmptyState title={filtered ? 'No runs match these filters' : 'No runs yet'}>
            {filtered ? 'Change or clear the filters.' : 'Start one from a scenario with its Run button.'}
          </EmptyState>
        ) : (
          <>
            <RunsTable runs={runs.data.items} selection={{ selected: picked, onToggle: toggle }} />
            <Pagination
              page={runs.data.page ?? filters.page}
              size={runs.data.size}
              total={runs.data.total}
              onPage={(page) => setSearch(searchFromFilters({ ...filters, page }))}
              onSize={(size) => update({ size })}
            />
          </>
        )}
      </Card>
    </>
  );
}

/** Opens the comparison of the ticked runs, the oldest the baseline; usable with 2 to 5 of them. */
function CompareButton({ picked }: { picked: ReadonlySet<number> }) {
  const ids = [...picked].sort((a, b) => a - b);
  const usable = ids.length >= 2 && ids.length <= 5;
  const text = `Compare${ids.length ? ` (${ids.length})` : ''}`;
  if (!usable) {
    return <Button variant="secondary" disabled title="Tick 2 to 5 runs" data-testid="compare-runs">{text}</Button>;
  }
  return <Link to={paths.compare(ids)} className={buttonClasses('primary')} data-testid="compare-runs">{text}</Link>;
}

type Option = { value: string; label: string };

function FilterSelect({ label, value, onChange, options }: { label: string; value: string | number; onChange: (value: string) => void; options: Option[] }) {
  return (
    <label className="text-sm font-medium text-slate-700">
      {label}
      <select className={`${inputClasses} mt-1`} value={String(value)} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}

function Pagination({ page, size, total, onPage, onSize }: { page: number; size: number; total: number; onPage: (page: number) => void; onSize: (size: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <span>
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
      </span>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1">
          Per page
          <select className={`${inputClasses} w-auto`} value={size} onChange={(e) => onSize(Number(e.target.value))}>
            {PAGE_SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <Button variant="secondary" disabled={page <= 0} onClick={() => onPage(page - 1)}>Previous</Button>
        <span aria-current="page">Page {page + 1} of {pages}</span>
        <Button variant="secondary" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>Next</Button>
      </div>
    </nav>
  );
}
