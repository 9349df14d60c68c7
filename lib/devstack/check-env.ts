import { EnvError, parseEnv } from "../env";

/** Validates the environment; on a bad value prints one line naming the variable and exits 1. */
export function checkEnvOrExit(): void {
  try {
    parseEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
