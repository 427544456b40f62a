import { Breadcrumbs, type Crumb } from "@/components/breadcrumbs";
import { SearchForm } from "./search-form";

// The top of an article or a category page: where the reader is, and the search box, so someone who
// arrived from a link (or finished reading) can search without going back to the home page first.
// Beside each other on a wide screen, the search box under the trail on a phone. Like the home page,
// a page with nothing for this reader to read offers no search (`search={false}`).
export function TrailAndSearch({ trail, search = true }: { trail: Crumb[]; search?: boolean }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
      <Breadcrumbs trail={trail} />
      {search && (
        <div className="w-full sm:w-80">
          <SearchForm />
        </div>
      )}
    </div>
  );
}
