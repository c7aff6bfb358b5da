import { useSearchParams } from 'react-router';

/** The "mine" filter of a list, kept in the address (`?mine=true`) like the other filters. */
export function useMineFilter(): [boolean, (mine: boolean) => void] {
  const [search, setSearch] = useSearchParams();
  const mine = search.get('mine') === 'true';
  const setMine = (next: boolean) => {
    const changed = new URLSearchParams(search);
    if (next) changed.set('mine', 'true');
    else changed.delete('mine');
    changed.delete('page');
    setSearch(changed);
  };
  return [mine, setMine];
}

export function MineToggle({ mine, onChange }: { mine: boolean; onChange: (mine: boolean) => void }) {
  return (
    <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-700">
      <input type="checkbox" checked={mine} onChange={(e) => onChange(e.target.checked)} data-testid="mine-filter" />
      Mine only
    </label>
  );
}

/** Who created an item, for lists and headers; demo content has nobody. */
export function CreatedByText({ name }: { name: string | null }) {
  return name ? <>{name}</> : <span className="text-slate-400">—</span>;
}
