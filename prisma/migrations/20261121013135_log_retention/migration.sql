-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "log_retention_days" INTEGER NOT NULL DEFAULT 30;

ALTER TABLE "tenants" ADD CONSTRAINT "tenants_log_retention_range" CHECK ("log_retention_days" BETWEEN 1 AND 3650);
