import { expect, test } from "vitest";

// Run only by scripts/check-test-exit-codes.ts (vitest.config.ts includes it when BREAKGLASS_EXIT_FIXTURE
// is set): it fails on purpose to prove that a failing test makes the runner exit non-zero.
test("exit-code fixture", () => {
  expect(process.env.BREAKGLASS_EXIT_FIXTURE).toBe("pass");
});
