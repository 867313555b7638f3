// The cost data (src/core/costs/costs.json): every relation valid, every label read as its
// row in the forms people print, packs chosen by profile or by the rows a table has.
import costs from "../../../src/core/costs/costs.json";
import { columnKindOf, costRowOf, DEFAULT_COSTS, parseRelation, relationsFor, resolveCosts, SHIPPED_PACKS, unitOf } from "../../../src/core/costs";

const rows = new Set(Object.keys(costs.rows));

test("every shipped relation validates and names known rows; every pack has relations", () => {
  for (const [id, pack] of Object.entries(costs.packs)) {
    expect(pack.relations.length).toBeGreaterThan(0);
    pack.relations.forEach((r, i) => expect([id, i, parseRelation(r, `${id}[${i}]`, rows).errors]).toEqual([id, i, []]));
    for (const row of (pack as { detect?: string[] }).detect ?? []) expect(rows.has(row)).toBe(true);
  }
  expect(SHIPPED_PACKS.map((p) => p.id)).toEqual(["kawasaki", "suginami", "mie", "kitami", "kaizuka", "suita"]);
});

test("Kawasaki's relations as the issue states them", () => {
  const kawasaki = SHIPPED_PACKS[0].relations;
  expect(kawasaki.map((r) => [r.id, r.check, r.target, r.tolerance, r.roundingSeverity, r.severity])).toEqual([
    ["kawasaki.total", "total", "totalCost", 1, "warning", "error"],
    ["kawasaki.funding", "funding", "projectCost", 0, "warning", "error"],
    ["kawasaki.staff", "staff", "staffCost", 1, null, "warning"],
  ]);
  expect(kawasaki[0].sum).toEqual([
    { row: "projectCost", sign: 1, optional: false },
    { row: "staffCost", sign: 1, optional: false },
  ]);
  expect(kawasaki[2].product).toEqual([
    { row: "staffYears", fallback: null },
    { row: "unitStaffCost", fallback: "yearUnitCost" },
  ]);
});

test.each([
  ["事業費 A", "projectCost"],
  ["事業費(A)", "projectCost"],
  ["直接事業費", "projectCost"],
  ["予算額等", "projectCost"],
  ["人件費 ※ B", "staffCost"],
  ["所要人件費", "staffCost"],
  ["④職員費(②×③)", "staffCost"],
  ["常勤職員分(再任用含)", "staffCost"],
  ["総コスト", "totalCost"],
  ["総コスト（A+B）", "totalCost"],
  ["⑤総事業費(①+④)", "totalCost"],
  ["フルコスト", "totalCost"],
  ["人工", "staffYears"],
  ["人　工", "staffYears"],
  ["③人員(人工)", "staffYears"],
  ["正規職員業務量（人工）", "staffYears"],
  ["国・都からの補助金②", "national"],
  ["受益者負担分①", "userCharges"],
  ["特定財源(①+②+③)", "specificFunding"],
  ["差引：一般財源(総事業費-特定財源)", "general"],
  ["一般財源1", "generalOfFullCost"],
  ["一般財源2", "general"],
  ["その他特財", "otherFunding"],
  ["所要時間(時間)", "hours"],
  ["②平均職員費", "unitStaffCost"],
])("%s → %s", (label, row) => {
  expect(costRowOf(DEFAULT_COSTS, label)).toBe(row);
});

test.each(["財源内訳", "区分", "事業費合計", "(単位:千円)", "※ 人件費は、各年度の職員の平均給与等に人工を乗じて算出しています。", "執行率"])("%s is no row", (text) => {
  expect(costRowOf(DEFAULT_COSTS, text)).toBeNull();
});

test("column headers and unit notes", () => {
  expect(["予算額", "決算額", "計画事業費", "決算額(見込）", "決算見込", "実績額", "予算", "執行率"].map((t) => columnKindOf(DEFAULT_COSTS, t))).toEqual([
    "budget", "settlement", "plan", "forecast", "forecast", "settlement", "budget", null,
  ]);
  expect(["（単位：千円）", "(単位:円)", "単位 千円", "（千円）", "(単位:百万円)", "千円未満切り捨て"].map(unitOf)).toEqual([
    { unit: "千円", found: true },
    { unit: "円", found: true },
    { unit: "千円", found: true },
    { unit: "千円", found: true },
    { unit: null, found: true },
    { unit: null, found: false },
  ]);
});

test("packs: detected by their rows, Kawasaki's otherwise, a profile's choice first; relations replaced by id and disabled", () => {
  const pick = (present: string[], config = DEFAULT_COSTS) => relationsFor(config, new Set(present)).packs.map((p) => p.id);
  expect(pick(["projectCost", "staffCost", "totalCost", "staffYears"])).toEqual(["kawasaki"]);
  expect(pick(["projectCost", "staffCost", "staffCostOther", "specificFunding", "totalCost"])).toEqual(["suginami"]);
  expect(pick(["projectCost", "unitStaffCost", "staffYears", "staffCost", "totalCost"])).toEqual(["kitami"]);
  expect(pick(["projectCost", "hours", "unitStaffCost", "staffCost", "totalCost"])).toEqual(["mie"]);
  const profiled = resolveCosts({ packs: ["kaizuka", "suita"], disable: ["suita.funding-cost"], relations: [{ id: "kaizuka.full", check: "total", target: "totalCost", sum: ["projectCost"] }] });
  const { packs, relations } = relationsFor(profiled, new Set(["projectCost"]));
  expect(packs.map((p) => p.id)).toEqual(["kaizuka", "suita"]);
  expect(relations.map((r) => r.id)).toEqual(["kaizuka.full", "kaizuka.full-budget", "kaizuka.general1", "kaizuka.general2", "suita.total", "suita.funding"]);
  expect(relations[0].sum).toEqual([{ row: "projectCost", sign: 1, optional: false }]);
});
