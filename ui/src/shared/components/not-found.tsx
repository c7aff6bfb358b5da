import { Link } from 'react-router';
import { paths } from '@/shared/paths';
import { focusRing } from './button';

const linkClasses = `text-indigo-700 hover:underline ${focusRing}`;

/** The dashboard's page for an address that names nothing: an unknown path, or a run or scenario that does not exist. */
export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <div data-testid="not-found" className="rounded-md border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
      <h1 className="text-lg font-semibold text-slate-800">There is no such {what}</h1>
      <p className="mt-2">The address may be mistyped, or what it named was deleted.</p>
      <nav aria-label="Ways back" className="mt-4 flex justify-center gap-4">
        <Link to={paths.overview} className={linkClasses}>Overview</Link>
        <Link to={paths.scenarios} className={linkClasses}>Scenarios</Link>
        <Link to={paths.runs} className={linkClasses}>Runs</Link>
      </nav>
    </div>
  );
}
