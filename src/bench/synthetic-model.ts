/**
 * A seeded generator of large models for benchmarks and scale tests: N agencies (with their directory),
 * M tasks in groups of 10, deadlines and agency cells in the seed's wording. Same seed, same model.
 */
import type { Decision, Group } from "../model/schema.ts";
import { toRoman } from "../model/refs.ts";
import type { AgencyDirectory } from "../resolve/directory-schema.ts";

/** mulberry32: small, fast, good enough to vary synthetic text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "xây dựng triển khai thực hiện đề án kế hoạch cải cách hành chính thủ tục một cửa liên thông đánh giá kiểm tra công chức viên chức đào tạo bồi dưỡng ứng dụng công nghệ thông tin".split(" ");
const DEADLINES = ["Quý I", "Quý II", "Quý III", "Quý IV", "Tháng 3", "Tháng 6", "30/9/2013", "6 tháng đầu năm", "Chậm nhất đến cuối năm 2013", "Thường xuyên"];

export interface SyntheticModel {
  decision: Decision;
  directory: AgencyDirectory;
}

export function syntheticModel(base: Decision, options: { agencies: number; tasks: number; seed?: number }): SyntheticModel {
  const rand = random(options.seed ?? 2013);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const agencies = Array.from({ length: options.agencies }, (_, i) => {
    const name = `Sở Thử nghiệm ${i + 1}`;
    return { id: `so-thu-nghiem-${i + 1}`, name, short: `STN${i + 1}`, kind: "department" as const, addressee: name, aliases: [] };
  });
  const directory: AgencyDirectory = {
    name: `synthetic ${options.agencies}`,
    agencies,
    groups: [{ id: "cac-so", name: "Các Sở", kinds: ["department"], aliases: [] }],
    unspecified: [],
  };
  const groups: Group[] = [];
  for (let t = 0; t < options.tasks; t++) {
    if (t % 10 === 0) groups.push({ group: toRoman(groups.length + 1), title: sentence(5).toUpperCase(), items: [] });
    // Every agency leads round-robin so that each gets a letter; supports are random.
    const lead = agencies[t % agencies.length]!;
    const supports = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(agencies).name);
    groups.at(-1)!.items.push({
      number: String((t % 10) + 1),
      content: `${sentence(8 + Math.floor(rand() * 20))}`.replace(/^./, (c) => c.toUpperCase()),
      product: `Quyết định ${sentence(4)}`,
      lead: lead.name,
      support: supports.join("; "),
      deadline: pick(DEADLINES),
      rows: [],
    });
  }
  const appendix = { ...base.appendices[0]!, items: groups };
  // reports go through an agency of this directory (the seed's Sở Nội vụ is not in it: the CLI refuses that)
  const letters = base.letters && { ...base.letters, reportVia: agencies[0]!.id };
  return { decision: { ...base, appendices: [appendix], overrides: [], ...(letters ? { letters } : {}) }, directory };
}
