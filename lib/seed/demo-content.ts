// The demo help center's starting content. Plain data, so tests and the seed share it.
export interface DemoCategory {
  slug: string;
  title: string;
  description: string;
  articles: { slug: string; title: string; body: string }[];
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    slug: "getting-started",
    title: "Getting started",
    description: "Set up your Acme account and find your way around.",
    articles: [
      {
        slug: "create-your-account",
        title: "Create your account",
        body: "Open the Acme app, choose **Sign up**, and follow the three steps.\n\nYou can invite your team once the account exists.",
      },
      {
        slug: "tour-of-the-dashboard",
        title: "A tour of the dashboard",
        body: "The dashboard has three areas: projects on the left, activity in the middle, and your profile on the right.",
      },
    ],
  },
  {
    slug: "account-and-billing",
    title: "Account and billing",
    description: "Plans, invoices and payment methods.",
    articles: [
      {
        slug: "change-your-plan",
        title: "Change your plan",
        body: "Go to **Settings → Billing** and pick a plan. Upgrades apply at once; downgrades at the end of the period.",
      },
      {
        slug: "download-invoices",
        title: "Download invoices",
        body: "Every invoice is listed under **Settings → Billing → Invoices** as a PDF.",
      },
    ],
  },
  {
    slug: "troubleshooting",
    title: "Troubleshooting",
    description: "When something does not work as expected.",
    articles: [
      {
        slug: "cannot-sign-in",
        title: "I cannot sign in",
        body: "Check that your company account is active, then try a private browser window. If it still fails, contact your administrator.",
      },
    ],
  },
];
