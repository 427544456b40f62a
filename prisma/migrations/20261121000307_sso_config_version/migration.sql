-- Versions come from one sequence, never reused: a configuration deleted and created again can
-- not come back with a version some app instance still has cached.
CREATE SEQUENCE "sso_config_version_seq";

-- AlterTable
ALTER TABLE "sso_configs" ADD COLUMN     "config_version" BIGINT NOT NULL DEFAULT nextval('sso_config_version_seq'::regclass);

-- Every change to a configuration bumps its version, however it is made (app, SQL console,
-- another instance), so a cached copy can be checked in the same statement that claims a token.
CREATE FUNCTION "gatehouse_bump_sso_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."config_version" := nextval('sso_config_version_seq'::regclass);
  RETURN NEW;
END
$$;

CREATE TRIGGER "sso_configs_bump_version" BEFORE UPDATE ON "sso_configs"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_bump_sso_config_version"();

-- A tenant's host names decide which configuration a host gets: renaming one invalidates caches too.
CREATE FUNCTION "gatehouse_bump_sso_config_version_for_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "sso_configs" SET "config_version" = nextval('sso_config_version_seq'::regclass) WHERE "tenant_id" = NEW."id";
  RETURN NEW;
END
$$;

CREATE TRIGGER "tenants_host_change_bumps_sso_config" AFTER UPDATE OF "subdomain", "custom_domain", "visibility", "name" ON "tenants"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_bump_sso_config_version_for_tenant"();
