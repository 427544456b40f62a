-- CreateEnum
CREATE TYPE "SupportRequestStatus" AS ENUM ('open', 'answered', 'closed');

-- CreateEnum
CREATE TYPE "SupportReplyAuthor" AS ENUM ('end_user', 'staff');

-- AlterTable
ALTER TABLE "sso_configs" ADD COLUMN     "allowed_domains" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "restrict_sign_in_origins" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "support_requests" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "end_user_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" "SupportRequestStatus" NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "support_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_request_replies" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "author" "SupportReplyAuthor" NOT NULL,
    "staff_user_id" UUID,
    "author_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_request_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "support_requests_tenant_id_end_user_id_created_at_idx" ON "support_requests"("tenant_id", "end_user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "support_requests_tenant_id_status_updated_at_idx" ON "support_requests"("tenant_id", "status", "updated_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "support_requests_tenant_id_id_key" ON "support_requests"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "support_request_replies_tenant_id_request_id_created_at_idx" ON "support_request_replies"("tenant_id", "request_id", "created_at");

-- AddForeignKey
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_tenant_id_end_user_id_fkey" FOREIGN KEY ("tenant_id", "end_user_id") REFERENCES "end_users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_request_replies" ADD CONSTRAINT "support_request_replies_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_request_replies" ADD CONSTRAINT "support_request_replies_tenant_id_request_id_fkey" FOREIGN KEY ("tenant_id", "request_id") REFERENCES "support_requests"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_request_replies" ADD CONSTRAINT "support_request_replies_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Widget/API calls read each tenant's suspended end users (at most once a second per instance):
-- a partial index keeps that read proportional to the suspensions, not to the tenant's users.
-- (Prisma's schema cannot express a partial index; it lives here only.)
CREATE INDEX "end_users_suspended_idx" ON "end_users"("tenant_id") WHERE "suspended";

-- Article search for the widget and the API: a weighted full-text vector (title above body), kept
-- by PostgreSQL itself, with a GIN index, so a search costs an index lookup instead of scanning
-- every body. 'simple' (no stemming): help centers are written in many languages, and prefix
-- matching (lib/api/search-query.ts) serves search-as-you-type better than stems would.
-- (Not in schema.prisma: Prisma cannot express a generated column; nothing writes it.)
ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', "title"), 'A') || setweight(to_tsvector('simple', "body"), 'B')
) STORED;
CREATE INDEX "articles_search_vector_idx" ON "articles" USING GIN ("search_vector");
