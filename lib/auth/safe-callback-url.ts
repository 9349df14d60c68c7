/**
 * Where to go after sign-in: only a path on this console (`/proposals/abc?x=1`), never another origin
 * (`//evil.example`, `/\evil.example`, `https://…`), which would make the login page an open redirect.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/incidents"): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Control characters (a newline in a header, a tab some browsers drop to make `/\t/evil` into `//evil`).
  if ([...value].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  return value;
}
