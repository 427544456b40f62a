import type { Metadata } from "next";
import { CONTENT_ROLES, requireMember } from "@/lib/auth/require-member";
import { listContentForDashboard } from "@/lib/data/content";

export const metadata: Metadata = { title: "Content" };

type Props = { params: Promise<{ tenant: string }> };

// Categories and their articles as the help center has them. Editing comes with the content
// editor (issue 6); this is the overview editors start from.
export default async function ContentPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, CONTENT_ROLES);
  const categories = await listContentForDashboard(member.tenant.id);
  return (
    <div>
      <h1 className="text-2xl font-bold">Content</h1>
      <p className="mt-1 text-sm text-slate-600">{categories.length} categories, {categories.reduce((sum, c) => sum + c.articles.length, 0)} articles.</p>
      <div className="mt-6 space-y-6">
        {categories.map((category) => (
          <section key={category.id} aria-labelledby={`category-${category.id}`}>
            <h2 id={`category-${category.id}`} className="font-semibold">{category.title}</h2>
            <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
              {category.articles.map((article) => (
                <li key={article.id} className="flex flex-wrap justify-between gap-2 p-3">
                  <span>{article.title}</span>
                  <span className="text-slate-500">
                    {article.requiredGroups.length > 0 ? `groups: ${article.requiredGroups.join(", ")}` : "everyone"}
                    {article.published ? "" : " · draft"}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
