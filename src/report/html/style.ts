// The page's styles, inline so the file opens alone (from disk, as a CI artifact) with no request for anything.
export const pageStyle = `
:root { --pass: #1a7f37; --fail: #cf222e; --err: #9a6700; --skip: #6e7781; --line: #d0d7de; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem; color: #1f2328; }
h1 { margin: 0 0 .2rem; } h2 { margin: .2rem 0; font-size: 1.25rem; } h4 { margin: .2rem 0; font-size: .9rem; }
.when, .file, .line, .n { color: #57606a; font-size: .85rem; }
.totals .total { margin-right: 1rem; } .total.passed b { color: var(--pass); } .total.failed b { color: var(--fail); }
.total.error b { color: var(--err); } .total.skipped b { color: var(--skip); }
nav ol { padding-left: 1.2rem; margin: .3rem 0 1rem; } nav li { margin: .1rem 0; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; font-size: .75rem; color: #fff; background: var(--skip); vertical-align: middle; }
.badge.passed { background: var(--pass); } .badge.failed { background: var(--fail); } .badge.error { background: var(--err); }
.scenario { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin: 0 0 1.2rem; }
.scenario.failed { border-left: 6px solid var(--fail); } .scenario.error { border-left: 6px solid var(--err); } .scenario.passed { border-left: 6px solid var(--pass); }
table.steps { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.steps th, table.steps td { text-align: left; vertical-align: top; border-top: 1px solid var(--line); padding: .3rem .4rem; }
tr.step.failed td, tr.step.error td { background: #fff5f5; }
.message { font-weight: 600; } pre { margin: .3rem 0; font-size: .8rem; white-space: pre-wrap; word-break: break-all; }
.pcap { font-family: ui-monospace, monospace; font-size: .8rem; }
.notes { color: #57606a; font-size: .85rem; }
svg.topology { max-width: 100%; height: auto; background: #f6f8fa; border-radius: 6px; }
svg .host rect { fill: #fff; stroke: #24292f; stroke-width: 1.5; } svg .host.router rect { fill: #ddf4ff; }
svg .host text { font-size: 14px; font-weight: 600; } svg .link line { stroke: #57606a; stroke-width: 2; }
svg .link.emulated line { stroke: #bf8700; stroke-dasharray: 8 3; } svg .tunnel line { stroke: #8250df; stroke-width: 2; stroke-dasharray: 3 4; }
svg .iface { font-size: 10px; fill: #24292f; font-family: ui-monospace, monospace; } svg .switch { fill: #57606a; } svg .switch-name { font-size: 10px; }
.ladder { position: relative; font-size: .78rem; }
.ladder .heads { position: sticky; top: 0; height: 1.6rem; background: #fff; border-bottom: 1px solid var(--line); z-index: 2; }
.ladder .column { position: absolute; transform: translateX(-50%); font-weight: 600; white-space: nowrap; }
.ladder .body { position: relative; }
.ladder .lifeline { position: absolute; top: 0; bottom: 0; border-left: 1px dashed #8c959f; }
.window { position: relative; margin: .3rem 0; padding: .1rem 0 .3rem; border-top: 1px solid var(--line); }
.window h4 { position: relative; z-index: 1; background: rgba(255,255,255,.8); display: inline-block; }
.window.failed, .window.error { background: rgba(207, 34, 46, .09); outline: 2px solid var(--fail); }
.frame summary { list-style: none; position: relative; height: 1.5rem; cursor: pointer; }
.frame summary::-webkit-details-marker { display: none; }
.frame .t { position: absolute; left: 0; top: .3rem; color: #57606a; font-size: .7rem; z-index: 1; }
.arrow { position: absolute; top: .95rem; height: 0; border-top: 2px solid #0969da; }
.arrow.left { border-color: #8250df; } .arrow.all { border-top-style: dotted; border-color: #57606a; }
.arrow.right::after, .arrow.head-right::after { content: ""; position: absolute; right: -2px; top: -6px; border: 5px solid transparent; border-left: 8px solid #0969da; border-right: 0; }
.arrow.head-right::after { border-left-color: #57606a; }
.arrow.left::before, .arrow.head-left::before { content: ""; position: absolute; left: -2px; top: -6px; border: 5px solid transparent; border-right: 8px solid #8250df; border-left: 0; }
.arrow.head-left::before { border-right-color: #57606a; }
.arrow.self { border-top: 2px solid #57606a; border-right: 2px solid #57606a; height: .4rem; top: .7rem; }
.arrow .label { position: absolute; bottom: 2px; left: 50%; transform: translateX(-50%); white-space: nowrap; background: rgba(255,255,255,.85); padding: 0 .2rem; }
.frame[open] summary { background: #f6f8fa; } .dissection { position: relative; z-index: 1; background: #f6f8fa; padding: .3rem .6rem; border-radius: 4px; }
.omitted { color: #57606a; font-style: italic; padding: .2rem 0 .2rem 4rem; position: relative; z-index: 1; }
.problem { color: var(--err); }
`;
