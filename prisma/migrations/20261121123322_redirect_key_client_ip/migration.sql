-- AlterTable
ALTER TABLE "redirect_keys" ADD COLUMN     "client_ip" TEXT;

-- CreateIndex
CREATE INDEX "redirect_keys_tenant_id_client_ip_expires_at_idx" ON "redirect_keys"("tenant_id", "client_ip", "expires_at");
