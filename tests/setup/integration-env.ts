import { inject } from "vitest";
import { wireTimelineSubscribers } from "../../lib/notifications";

// Each test file runs in its own worker: point lib/db at the shared test database before anything uses it.
process.env.DATABASE_URL = inject("databaseUrl");
// What every appended timeline event also does (the server wires the same in instrumentation.ts).
wireTimelineSubscribers();
