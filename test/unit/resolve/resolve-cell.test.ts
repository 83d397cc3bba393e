import { describe, expect, it } from "vitest";
import { listTasks } from "../../../src/model/refs.ts";
import { importText, seedText, validationEnv } from "../../support/seed.ts";

const { resolver } = await validationEnv();
const ids = (cell: string) => resolver.resolve(cell).agencies;
const DEPARTMENTS = resolver.directory.agencies.filter((a) => ["department", "board", "office"].includes(a.kind)).map((a) => a.id);
const SO = resolver.directory.agencies.filter((a) => a.kind === "department").map((a) => a.id);
const DISTRICTS = resolver.directory.agencies.filter((a) => a.kind === "district").map((a) => a.id);

describe("agency directory", () => {
  it("has the 21 provincial bodies and the 18 district-level units of Quảng Nam in 2013", () => {
    expect(DEPARTMENTS).toHaveLength(21);
    expect(SO).toHaveLength(16);
    expect(DISTRICTS).toHaveLength(18);
    for (const a of resolver.directory.agencies) expect(a.addressee.length).toBeGreaterThan(3);
  });
});

describe("resolving cells", () => {
  it.each([
    ["Sở Nội vụ", ["so-noi-vu"]],
    ["Sở Kế hoạch Đầu tư", ["so-ke-hoach-va-dau-tu"]],
    ["sở kế hoạch và đầu tư", ["so-ke-hoach-va-dau-tu"]],
    ["SO KE HOACH VA DAU TU", ["so-ke-hoach-va-dau-tu"]],
    ["BQL khu KTM Chu Lai", ["bql-khu-kinh-te-mo-chu-lai"]],
    ["Sở Kế hoạch và Đầu tư; BQL khu KTM Chu Lai; BQL các Khu CN", ["so-ke-hoach-va-dau-tu", "bql-khu-kinh-te-mo-chu-lai", "bql-cac-khu-cong-nghiep"]],
    ["Sở Thông tin và Truyền thông và UBND huyện Điện Bàn", ["so-thong-tin-va-truyen-thong", "ubnd-dien-ban"]],
    ["Sở Văn hóa, Thể thao và Du lịch", ["so-van-hoa-the-thao-va-du-lich"]],
    ["Sở Lao động - Thương binh và Xã hội\nSở Y tế", ["so-y-te", "so-lao-dong-thuong-binh-va-xa-hoi"]],
  ])("%j → %j", (cell, expected) => {
    expect([...ids(cell)].sort()).toEqual([...expected].sort());
    expect(resolver.resolve(cell).unresolved).toEqual([]);
  });

  it("expands an enumeration after a group head into exactly the named units", () => {
    expect(ids("UBND các huyện Điện Bàn, Duy Xuyên, Núi Thành, Phú Ninh và TP Tam Kỳ").sort()).toEqual(
      ["ubnd-dien-ban", "ubnd-duy-xuyen", "ubnd-nui-thanh", "ubnd-phu-ninh", "ubnd-tam-ky"].sort(),
    );
  });

  it("expands groups", () => {
    expect(ids("Các Sở, Ban, ngành và UBND cấp huyện")).toEqual([...DEPARTMENTS, ...DISTRICTS]);
    expect(ids("Các Sở và UBND cấp huyện")).toEqual([...SO, ...DISTRICTS]);
    expect(ids("UBND cấp huyện, cấp xã")).toEqual([...DISTRICTS, "ubnd-cap-xa"]);
  });

  it("reports what it cannot resolve, never drops it", () => {
    const r = resolver.resolve("Sở Nội vụ, Hội Nông dân tỉnh; Liên minh Hợp tác xã");
    expect(r.agencies).toEqual(["so-noi-vu"]);
    expect(r.unresolved).toEqual(["Hội Nông dân tỉnh", "Liên minh Hợp tác xã"]);
  });

  it("keeps a collective phrase no directory defines as one addressee: a lower-case word after a comma goes on naming it", () => {
    expect(resolver.resolve("Hội Nông dân tỉnh, hội viên, Liên minh Hợp tác xã").unresolved).toEqual(["Hội Nông dân tỉnh, hội viên", "Liên minh Hợp tác xã"]);
  });

  it("recognises phrases that name no particular agency", () => {
    const r = resolver.resolve("Văn phòng UBND tỉnh, các đơn vị có liên quan");
    expect(r.agencies).toEqual(["van-phong-ubnd-tinh"]);
    expect(r.unspecified).toEqual(["các đơn vị có liên quan"]);
  });
});

describe("every lead and support cell of the seed", async () => {
  const decision = (await importText(seedText())).decision!;
  const tasks = listTasks(decision);
  it("resolves with no phrase left over", () => {
    const leftovers = tasks.flatMap(({ ref, task }) =>
      [task.lead, task.support].flatMap((cell) => resolver.resolve(cell).unresolved.map((p) => `${ref}: ${p}`)),
    );
    expect(leftovers).toEqual([]);
  });
  it("gives every task at least one lead agency", () => {
    expect(tasks.filter(({ task }) => ids(task.lead).length === 0).map((t) => t.ref)).toEqual([]);
  });
  it("reaches 41 distinct agencies (21 provincial, 18 district, 2 collective)", () => {
    const all = new Set(tasks.flatMap(({ task }) => [...ids(task.lead), ...ids(task.support)]));
    expect(all.size).toBe(41);
  });
  it("stores no resolved id in the model: the imported model holds the text only", () => {
    expect(decision.overrides).toEqual([]);
    expect(JSON.stringify(decision)).not.toContain('"agencies"');
  });
});
