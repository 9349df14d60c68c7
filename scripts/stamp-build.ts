// `npm run build`'s postbuild: marks the fresh build as made from the current sources, so `npm run demo`
// reuses it instead of building again (lib/devstack/ensure-production-build.ts).
import path from "node:path";
import { stampBuild } from "../lib/devstack/ensure-production-build";

stampBuild(path.resolve(import.meta.dirname, ".."));
