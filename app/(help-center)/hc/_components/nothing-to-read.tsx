import type { Viewer } from "@/lib/help-center/viewer";

// What the home page and a category page say when this reader can see no article there. The same
// words whether nothing is published or everything is kept for groups the reader is not in: naming
// the groups, or even saying that restricted articles exist, would tell a stranger about them. A
// signed-out reader who could sign in is reminded that some pages need it, as the 404 page does,
// and for every empty page alike, so the reminder reveals nothing either.
export function NothingToRead({ viewer, where = "here" }: { viewer: Viewer; where?: string }) {
  const mightSignIn = !viewer.user && viewer.tenant.signInWorks;
  return (
    <div className="mt-6 space-y-2 text-slate-600">
      <p>There are no articles to read {where} yet.</p>
      {mightSignIn && <p>If you have an account, sign in: some articles may be shown only to signed-in readers.</p>}
    </div>
  );
}
