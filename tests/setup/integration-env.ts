import { inject } from "vitest";

// Each test file runs in its own worker: point lib/db at the shared test database before anything uses it.
process.env.DATABASE_URL = inject("databaseUrl");
