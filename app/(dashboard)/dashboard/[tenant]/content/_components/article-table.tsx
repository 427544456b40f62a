import Link from "next/link";
import { formatWhen } from "@/lib/format-when";
import { DeleteDialog } from "./delete-dialog";

interface ArticleRow {
  id: string;
  title: string;
  slug: string;
  published: boolean;
  requiredGroups: string[];
  updatedAt: Date;
}

function audience(requiredGroups: string[]): string {
  return requiredGroups.length > 0 ? `Groups: ${requiredGroups.join(", ")}` : "Everyone";
}

// One category's articles: status, who may read each, when it last changed, and its actions.
export function ArticleTable({ subdomain, articles }: { subdomain: string; articles: ArticleRow[] }) {
  if (articles.length === 0) return <p className="mt-2 text-sm text-slate-500">No articles in this category yet.</p>;
  return (
    <div className="relative mt-3 overflow-x-auto rounded-lg border border-slate-200">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Title</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Status</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Visible to</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Last updated</th>
            <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {articles.map((article) => (
            <tr key={article.id}>
              <th scope="row" className="px-3 py-2 font-normal">
                <Link href={`/dashboard/${subdomain}/content/articles/${article.id}`} className="font-medium text-brand-700 hover:underline">{article.title}</Link>
                <span className="block text-xs text-slate-500">/articles/{article.slug}</span>
                {/* On a phone the status and audience columns fold in here, so the actions stay on screen. */}
                <span className="block text-xs text-slate-600 sm:hidden">
                  {article.published ? "Published" : "Draft"} · {audience(article.requiredGroups)}
                </span>
              </th>
              <td className="hidden px-3 py-2 sm:table-cell">
                {article.published ? (
                  <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800">Published</span>
                ) : (
                  <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">Draft</span>
                )}
              </td>
              <td className="hidden px-3 py-2 sm:table-cell">
                <span className={article.requiredGroups.length > 0 ? undefined : "text-slate-600"}>{audience(article.requiredGroups)}</span>
              </td>
              <td className="hidden px-3 py-2 whitespace-nowrap text-slate-600 sm:table-cell"><time dateTime={article.updatedAt.toISOString()}>{formatWhen(article.updatedAt)}</time></td>
              <td className="px-3 py-2 text-right whitespace-nowrap">
                <Link href={`/dashboard/${subdomain}/content/articles/${article.id}`} className="mr-2 text-sm text-brand-700 hover:underline" aria-label={`Edit article “${article.title}”`}>Edit</Link>
                <DeleteDialog subdomain={subdomain} kind="article" id={article.id} title={article.title} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
