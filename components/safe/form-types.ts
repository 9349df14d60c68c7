/** One call being edited in the proposal form (the registry's rows come from lib/safe: FormContract, FormSafe). */
export type FormCall = {
  contractId: string;
  isTyped: boolean;
  signature: string;
  args: string[];
  value: string;
};
