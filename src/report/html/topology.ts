import type { Plan, PlanIface } from "../../scenario/model.js";
import { esc } from "./escape.js";

const W = 720;
const H = 300;
const boxW = 110;
const boxH = 34;

/**
 * The lab as an SVG: hosts on an ellipse (two face each other), a line per two-host link, a switch node in the
 * middle of a segment of more, dashed lines for tunnels; each end labelled with its interface and addresses.
 */
export function topologySvg(plan: Pick<Plan, "hosts" | "segments" | "tunnels">): string {
  const hosts = plan.hosts.map((h) => h.name);
  const at = new Map<string, { x: number; y: number }>();
  hosts.forEach((h, i) => {
    const a = hosts.length === 1 ? Math.PI : Math.PI + (2 * Math.PI * i) / hosts.length;
    at.set(h, { x: W / 2 + (W / 2 - boxW) * Math.cos(a), y: H / 2 + (H / 2 - boxH) * Math.sin(a) * (hosts.length === 2 ? 0 : 1) });
  });
  const parts: string[] = [];
  const label = (m: PlanIface, from: { x: number; y: number }, to: { x: number; y: number }) => {
    const x = from.x + (to.x - from.x) * 0.3;
    const y = from.y + (to.y - from.y) * 0.3;
    const text = [m.ifname, ...m.addrs.map((a) => a.text)];
    return `<text class="iface" x="${x.toFixed(1)}" y="${(y - 4 - 12 * (text.length - 1)).toFixed(1)}" text-anchor="middle">${text
      .map((t, i) => `<tspan x="${x.toFixed(1)}" dy="${i ? 12 : 0}">${esc(t)}</tspan>`)
      .join("")}</text>`;
  };
  plan.segments.forEach((seg, si) => {
    const ends = seg.members.filter((m) => at.has(m.host));
    const cls = `link${seg.emulated ? " emulated" : ""}`;
    if (ends.length === 2) {
      const [a, b] = ends.map((m) => at.get(m.host)!);
      parts.push(`<g class="${cls}" data-link="${esc(seg.name)}"><line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"/>${label(ends[0], a, b)}${label(ends[1], b, a)}</g>`);
    } else if (ends.length > 2) {
      const cx = ends.reduce((n, m) => n + at.get(m.host)!.x, 0) / ends.length;
      const cy = ends.reduce((n, m) => n + at.get(m.host)!.y, 0) / ends.length + si * 14;
      const c = { x: cx, y: cy };
      parts.push(
        `<g class="${cls}" data-link="${esc(seg.name)}">${ends.map((m) => `<line x1="${c.x}" y1="${c.y}" x2="${at.get(m.host)!.x}" y2="${at.get(m.host)!.y}"/>${label(m, at.get(m.host)!, c)}`).join("")}<circle class="switch" cx="${c.x}" cy="${c.y}" r="7"/><text class="switch-name" x="${c.x}" y="${c.y + 20}" text-anchor="middle">${esc(seg.name)}</text></g>`,
      );
    }
  });
  for (const t of plan.tunnels) {
    const [a, b] = t.ends.map((m) => at.get(m.host));
    if (a && b) parts.push(`<g class="tunnel" data-link="${esc(t.name)}"><line x1="${a.x}" y1="${a.y + 6}" x2="${b.x}" y2="${b.y + 6}"/>${label(t.ends[0], a, b)}${label(t.ends[1], b, a)}</g>`);
  }
  for (const h of plan.hosts) {
    const p = at.get(h.name)!;
    const extra = h.loopback.length ? `<title>loopback ${esc(h.loopback.map((l) => l.text).join(", "))}</title>` : "";
    parts.push(
      `<g class="host${h.router ? " router" : ""}" data-host="${esc(h.name)}">${extra}<rect x="${p.x - boxW / 2}" y="${p.y - boxH / 2}" width="${boxW}" height="${boxH}" rx="6"/><text x="${p.x}" y="${p.y + 5}" text-anchor="middle">${esc(h.name)}${h.router ? " ⇄" : ""}</text></g>`,
    );
  }
  return `<svg class="topology" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="lab topology">${parts.join("")}</svg>`;
}
