// The help center's search box: a plain GET form, so it works before (and without) JavaScript and a
// results page can be linked to.
export function SearchForm({ defaultValue = "", autoFocus = false }: { defaultValue?: string; autoFocus?: boolean }) {
  return (
    <form role="search" action="/search" method="get" className="flex gap-2">
      <label htmlFor="help-search" className="sr-only">Search the help center</label>
      <input
        id="help-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        maxLength={200}
        placeholder="Search articles"
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <button type="submit" className="shrink-0 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        Search
      </button>
    </form>
  );
}
