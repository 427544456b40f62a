// The read API's OpenAPI 3.1 description, served at /api/v1/openapi.json. Kept next to the shapes
// it describes (lib/sso-web/read-api.ts); lib/api/openapi.test.ts checks the two agree.
import { REJECTION_REASONS } from "@/lib/sso/reasons";

const page = { type: "object", required: ["next_cursor"], properties: { next_cursor: { type: ["string", "null"], description: "Pass as `cursor` to get the next page; null on the last page." } } };
const categoryRef = { type: "object", required: ["id", "title"], properties: { id: { type: "string", format: "uuid" }, title: { type: "string" } } };
const timestamps = { created_at: { type: "string", format: "date-time" }, updated_at: { type: "string", format: "date-time" } };

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const limitParameter = { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 }, description: "Page size." };
const cursorParameter = { name: "cursor", in: "query", schema: { type: "string" }, description: "`pagination.next_cursor` of the previous page, as it is." };
const commonErrors = {
  "400": errorResponse("A parameter is invalid (`error.code` = `invalid_parameter`)."),
  "401": errorResponse("The token was refused. `error.code` is one of the reason codes; the refusal is in Settings → Logs as widget_jwt.rejected."),
};

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Gatehouse help center read API",
    version: "1.0.0",
    description:
      "Read a help center's categories and articles as one of its end users. Authenticate with `Authorization: Bearer <token>`, where the token is a widget token: an HS256 JWT signed with the help center's shared secret, with the JWT header `typ: gatehouse-widget+jwt` and the same claims as a sign-in token (jti, iat, exp, email, name; optional external_id and groups). It may be reused until it is older than the help center's Token TTL. Only what that user may see is returned: articles with required groups need a `groups` claim sharing one of them. Requests are made to the help center's own host, e.g. https://acme.example.com/api/v1/articles.",
  },
  servers: [{ url: "/api/v1", description: "The help center's host" }],
  security: [{ widgetToken: [] }],
  paths: {
    "/categories": {
      get: {
        operationId: "listCategories",
        summary: "Categories, in help-center order",
        description: "Only categories holding at least one article this user may see, as on the help-center home: an empty category, or one whose articles are all for other groups, is left out.",
        parameters: [limitParameter, cursorParameter],
        responses: {
          "200": { description: "A page of categories.", content: { "application/json": { schema: { type: "object", required: ["data", "pagination"], properties: { data: { type: "array", items: { $ref: "#/components/schemas/Category" } }, pagination: page } } } } },
          ...commonErrors,
        },
      },
    },
    "/articles": {
      get: {
        operationId: "listArticles",
        summary: "Articles the user may see, oldest first",
        parameters: [
          { name: "category_id", in: "query", schema: { type: "string", format: "uuid" }, description: "Only this category's articles." },
          limitParameter,
          cursorParameter,
        ],
        responses: {
          "200": { description: "A page of articles.", content: { "application/json": { schema: { type: "object", required: ["data", "pagination"], properties: { data: { type: "array", items: { $ref: "#/components/schemas/ArticleSummary" } }, pagination: page } } } } },
          ...commonErrors,
        },
      },
    },
    "/articles/{id}": {
      get: {
        operationId: "getArticle",
        summary: "One article",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": { description: "The article.", content: { "application/json": { schema: { type: "object", required: ["data"], properties: { data: { $ref: "#/components/schemas/Article" } } } } } },
          "401": commonErrors["401"],
          "404": errorResponse("No such article, or the user may not see it (`error.code` = `not_found`)."),
        },
      },
    },
  },
  components: {
    securitySchemes: { widgetToken: { type: "http", scheme: "bearer", bearerFormat: "JWT (header typ gatehouse-widget+jwt)" } },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string", description: "Stable code.", examples: [...REJECTION_REASONS, "invalid_parameter", "not_found"] },
              message: { type: "string", description: "What failed, in plain words." },
            },
          },
        },
      },
      Category: {
        type: "object",
        required: ["id", "slug", "title", "description", "position", "article_count"],
        properties: {
          id: { type: "string", format: "uuid" },
          slug: { type: "string" },
          title: { type: "string" },
          description: { type: "string" },
          position: { type: "integer" },
          article_count: { type: "integer", description: "Articles in it that this user may see." },
        },
      },
      ArticleSummary: {
        type: "object",
        required: ["id", "slug", "title", "excerpt", "url", "category", "created_at", "updated_at"],
        properties: {
          id: { type: "string", format: "uuid" },
          slug: { type: "string" },
          title: { type: "string" },
          excerpt: { type: "string", description: "The start of the body as plain text." },
          url: { type: "string", format: "uri", description: "The article's page in the help center." },
          category: categoryRef,
          ...timestamps,
        },
      },
      Article: {
        type: "object",
        required: ["id", "slug", "title", "body_markdown", "body_html", "url", "category", "created_at", "updated_at"],
        properties: {
          id: { type: "string", format: "uuid" },
          slug: { type: "string" },
          title: { type: "string" },
          body_markdown: { type: "string" },
          body_html: { type: "string", description: "The body rendered to HTML; raw HTML in the Markdown is dropped." },
          url: { type: "string", format: "uri" },
          category: categoryRef,
          ...timestamps,
        },
      },
    },
  },
} as const;
