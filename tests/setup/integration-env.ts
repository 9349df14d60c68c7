import { inject } from "vitest";
import { wireRouteAuthentication } from "../../lib/http/handle-route";
import { wireTimelineSubscribers } from "../../lib/notifications";

// Each test file runs in its own worker: point lib/db at the shared test database before anything uses it.
process.env.DATABASE_URL = inject("databaseUrl");
// What every appended timeline event also does (the server wires the same in instrumentation.ts).
wireTimelineSubscribers();
// Route handlers read the session cookie with this secret; tests mint cookies with it (tests/integration/http-support.ts).
process.env.NEXTAUTH_SECRET ??= "integration-tests-only-session-secret-0123456789";
// What instrumentation.ts wires at server start: route({ role }) authenticates through lib/auth.
// Imported after the secret is set: lib/auth reads the environment when it loads.
const { authenticateRoute } = await import("../../lib/auth");
wireRouteAuthentication(authenticateRoute);
