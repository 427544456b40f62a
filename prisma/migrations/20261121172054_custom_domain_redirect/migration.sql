-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "redirect_to_custom_domain" BOOLEAN NOT NULL DEFAULT false;

-- Readers can only be sent to a custom domain the help center has.
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_redirect_needs_custom_domain" CHECK (NOT "redirect_to_custom_domain" OR "custom_domain" IS NOT NULL);

-- The sign-in endpoints send readers on from the Gatehouse address by the tenant settings they
-- cache per app instance: turning the redirect on or off must invalidate those caches too.
DROP TRIGGER "tenants_host_change_bumps_sso_config" ON "tenants";
CREATE TRIGGER "tenants_host_change_bumps_sso_config" AFTER UPDATE OF "subdomain", "custom_domain", "redirect_to_custom_domain", "visibility", "name" ON "tenants"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_bump_sso_config_version_for_tenant"();
