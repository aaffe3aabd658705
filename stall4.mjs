import { createRequire } from "node:module";
const require = createRequire("/work/main/package.json");
const { Cap } = require("cap");
const c = new Cap(); const buf = Buffer.alloc(65536);
c.open("eth0", "", 16<<20, buf);
let seen = 0; c.on("packet", () => seen++);
setTimeout(() => {
console.log("ready");
const until = Date.now() + 2000; while (Date.now() < until);
console.log("unblocked");
setTimeout(() => { console.log(JSON.stringify({ seen })); }, 500);
setTimeout(() => { console.log("closing"); c.close(); console.log("closed") }, 1000);
setTimeout(() => { console.log("end") }, 1500);
}, 200);
