/** Text for HTML content and quoted attributes: the five characters that could end either. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
