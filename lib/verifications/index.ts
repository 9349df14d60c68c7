export { coerceAbiArgs } from "./coerce-abi-args";
export { formatReadValue } from "./format-read-value";
export { type RunVerificationOptions, runVerification, toAbiFunction } from "./run-verification";
