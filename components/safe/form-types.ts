/** What the proposal form knows of the registry (no RPC URLs, no secrets). */
export type FormFunction = {
  signature: string;
  name: string;
  inputs: { name: string; type: string }[];
  isPayable: boolean;
};
export type FormContract = {
  id: string;
  name: string;
  address: string;
  chainId: number;
  functions: FormFunction[];
};
export type FormSafe = {
  id: string;
  label: string;
  address: string;
  chainId: number;
  threshold: number | null;
  ownerCount: number;
  roles: { contract: string; role: string }[];
};
export type FormCall = {
  contractId: string;
  isTyped: boolean;
  signature: string;
  args: string[];
  value: string;
};
