import "dotenv/config";
import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env itself. DATABASE_URL is optional here: `prisma generate` needs none,
// and the offline migration runner (lib/db/migrate.ts) is what applies migrations.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/breakglass" },
});
