export { decryptSecret, encryptSecret, hashSecret, isSecretsKeyMissingInProduction } from "./secret-box";
