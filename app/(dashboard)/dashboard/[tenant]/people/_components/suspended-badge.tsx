// A suspended end user's pill, in the People list and on their page; the word is always shown,
// colour is never the only cue.
export function SuspendedBadge() {
  return <span className="inline-block rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">Suspended</span>;
}
