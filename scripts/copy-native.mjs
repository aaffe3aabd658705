// The native part (src/native, built by node-gyp) goes beside the compiled code, so dist/ is all a run needs.
import { copyFileSync, mkdirSync } from "node:fs";

mkdirSync("dist/native", { recursive: true });
copyFileSync("src/native/build/Release/wirecheck_native.node", "dist/native/wirecheck_native.node");
