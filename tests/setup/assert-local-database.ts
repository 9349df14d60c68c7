/** Tests write and delete freely: refuse to point them at anything but a database on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (
    !["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) &&
    process.env.ALLOW_REMOTE_TEST_DATABASE !== "1"
  ) {
    throw new Error(
      `Refusing to run tests against ${host}: tests need a local database (set ALLOW_REMOTE_TEST_DATABASE=1 to override).`,
    );
  }
}
