export {
  decryptSecret,
  encryptSecret,
  hashSecret,
  isSecretsKeyMissingInProduction,
  signToken,
  verifyToken,
} from "./secret-box";
