import { LABEL_NAMES, defaultVocabulary, mergeVocabulary, parseVocabulary } from "../../../src/core/vocabulary";
import labels from "../../../src/core/vocabulary/labels.json";

describe("label vocabulary", () => {
  it("is the JSON data, with the synonyms the domain uses", () => {
    expect(defaultVocabulary).toBe(labels);
    expect(defaultVocabulary.plannedCost).toEqual(["計画事業費", "計画額"]);
    expect(defaultVocabulary.settlementForecast.slice(0, 3)).toEqual(["決算見込", "決算見込み", "決算(見込)"]);
    expect(defaultVocabulary.indicatorName).toEqual(["参考指標名", "指標名", "成果指標名"]);
    expect(LABEL_NAMES).toContain("futureDirection");
  });

  it("mergeVocabulary adds synonyms after the base ones, without duplicates or replacing", () => {
    const merged = mergeVocabulary(defaultVocabulary, { department: ["所管課", "担当部署"], unit: ["単 位"] });
    expect(merged.department).toEqual(["作成課", "所管課", "担当課", "作成部署", "所属名", "所属", "担当部署"]);
    expect(merged.unit).toEqual(["単位", "単 位"]);
    expect(merged.fiscalYear).toEqual(defaultVocabulary.fiscalYear);
  });

  it("parseVocabulary returns the defaults plus the file's synonyms", () => {
    const { vocabulary, errors } = parseVocabulary({ $comment: "経済労働局", department: "担当部署", plan: ["目標値(計画)"] });
    expect(errors).toEqual([]);
    expect(vocabulary?.department).toEqual([...defaultVocabulary.department, "担当部署"]);
    expect(vocabulary?.plan).toEqual([...defaultVocabulary.plan, "目標値(計画)"]);
  });

  it("parseVocabulary names every bad key", () => {
    expect(parseVocabulary({ depatment: ["x"], plan: [1], unit: [""], year: ["年次"] })).toEqual({
      vocabulary: null,
      errors: [
        `vocabulary: unknown label "depatment" (known: ${LABEL_NAMES.join(", ")})`,
        'vocabulary: "plan" must be a non-empty string or an array of non-empty strings',
        'vocabulary: "unit" must be a non-empty string or an array of non-empty strings',
      ],
    });
    expect(parseVocabulary([])).toEqual({ vocabulary: null, errors: ["vocabulary: expected a JSON object of label name → synonyms"] });
    expect(parseVocabulary(null).errors).toHaveLength(1);
  });
});
