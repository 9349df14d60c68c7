// Runs once when a server instance starts: a bad configuration stops it with one line naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { EnvError, parseEnv } = await import("./lib/env");
  try {
    const env = parseEnv();
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET)
      throw new EnvError("NEXTAUTH_SECRET", "is required in production");
    if (env.NODE_ENV === "production" && !env.DATABASE_URL)
      throw new EnvError("DATABASE_URL", "is required in production");
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
