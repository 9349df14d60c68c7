import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAddress } from "viem";
import { listChains } from "../chain";
import { env } from "../env";
import { isAppError } from "../errors";
import { findOrBootstrapMember } from "./find-or-bootstrap-member";
import { safeRedirectTarget } from "./safe-redirect";
import { createSessionRecord, endSessionRecord, SESSION_MAX_AGE_SECONDS } from "./session-records";
import { consumeSiweNonce } from "./siwe-nonce";
import { verifySiweLogin } from "./verify-siwe";

/** The host a sign-in message must name: the configured public URL, else the Host the browser used. */
function expectedDomain(headers: Record<string, unknown> | undefined): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).host;
  return String(headers?.host ?? "");
}

export const authOptions: AuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "siwe",
      name: "Ethereum",
      credentials: { message: { type: "text" }, signature: { type: "text" } },
      async authorize(credentials, req) {
        try {
          const chains = await listChains();
          const result = await verifySiweLogin({
            message: String(credentials?.message ?? ""),
            signature: String(credentials?.signature ?? ""),
            expectedDomain: expectedDomain(req.headers),
            allowedChainIds: chains.map((chain) => chain.id),
            rpcUrlFor: (chainId) => chains.find((chain) => chain.id === chainId)?.rpcUrls[0],
          });
          // The nonce is burnt only after the signature checks out, and only once.
          if (!(await consumeSiweNonce(result.nonce))) {
            throw new Error("This sign-in message was already used or has expired. Sign in again.");
          }
          const member = await findOrBootstrapMember(result.address);
          if (!member) {
            throw new Error(`${result.address} is not a member of this console. Ask an admin to add you.`);
          }
          return { id: member.id, name: member.displayName, address: member.address };
        } catch (error) {
          // next-auth passes the message of a thrown Error to the client as `error`.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user && "address" in user) {
        token.address = getAddress(String(user.address));
        // The server-side record sign-out ends (session-records.ts); checked on every request.
        token.sid = await createSessionRecord(token.address as string);
      }
      return token;
    },
    async session({ session, token }) {
      // The role is not kept in the token: it is re-read per request, so a demotion applies at once.
      return {
        ...session,
        address: token.address as string | undefined,
        sessionId: token.sid as string | undefined,
      };
    },
    async redirect({ url, baseUrl }) {
      return safeRedirectTarget(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSessionRecord(token.sid);
    },
  },
};
