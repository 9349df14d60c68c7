const KEY_FLAGS =
  /(--(?:private-key|mnemonic(?:-passphrase)?|password|keystore-password|unlocked-key|seed))(=|\s+)(\S+)/gi;

/**
 * Runbooks paste commands with their signing flags (`cast send … --private-key $GUARDIAN_KEY`). Whatever
 * follows a key-like flag is never shown or recorded: a pasted literal key would be on the timeline, in the
 * post-mortem and in every notification.
 */
export function redactSecrets(text: string): string {
  return text.replace(KEY_FLAGS, (_, flag: string, sep: string) => `${flag}${sep}‹redacted›`);
}

/** As redactSecrets, and also `PRIVATE_KEY=…` style assignments in front of a command. */
export function redactCommand(text: string): string {
  return redactSecrets(text).replace(/((?:private[_-]?key|secret|mnemonic)\s*=\s*)(\S+)/gi, "$1‹redacted›");
}
