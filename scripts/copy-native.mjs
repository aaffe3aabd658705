// The native part (src/native, built by node-gyp) goes beside the compiled code, so dist/ is all a run needs.
// Copied beside and renamed into place: writing over the file a running wirecheck has loaded crashes that process.
import { copyFileSync, mkdirSync, renameSync } from "node:fs";

mkdirSync("dist/native", { recursive: true });
const tmp = `dist/native/.wirecheck_native.node.${process.pid}`;
copyFileSync("src/native/build/Release/wirecheck_native.node", tmp);
renameSync(tmp, "dist/native/wirecheck_native.node");
