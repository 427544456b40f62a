-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "custom_domain_challenge" TEXT,
ADD COLUMN     "pending_custom_domain" TEXT;

-- The pending domain follows the same spelling rule as the served one (lib/tenant/custom-domain.ts),
-- and a challenge exists exactly while a domain is pending.
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_pending_custom_domain_lower" CHECK ("pending_custom_domain" = lower("pending_custom_domain"));
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_custom_domain_challenge_with_pending" CHECK (("pending_custom_domain" IS NULL) = ("custom_domain_challenge" IS NULL));
