import * as assert from "node:assert/strict";
import { describe, it } from "node:test";

import { shortDate, statusFor } from "../src/status";

describe("status bar text", () => {
  it("shows a front-matter date and says where it came from", () => {
    const shown = statusFor({
      date: "2022-02-28",
      source: "frontMatter",
      description: "Monday, Feb. 28, 2022 (from the front matter)",
    });
    assert.deepEqual(shown, {
      text: "$(calendar) Feb. 28, 2022",
      tooltip:
        "copydesk: publication date Monday, Feb. 28, 2022 (from the front matter).\n" +
        "Relative dates in this draft are resolved against it.",
      warning: false,
    });
  });

  it("names the setting for a date from copydesk.referenceDate", () => {
    const shown = statusFor({ date: "2022-02-28", source: "setting", description: "Monday, Feb. 28, 2022 (from the copydesk.referenceDate setting)" });
    assert.equal(shown?.text, "$(calendar) Feb. 28, 2022");
    assert.match(shown?.tooltip ?? "", /copydesk\.referenceDate/);
  });

  it("warns when the date was assumed", () => {
    const shown = statusFor({ date: "2026-03-04", source: "assumed", description: "Wednesday, March 4, 2026 (assumed: today's date, the draft has no date)" });
    assert.equal(shown?.text, "$(calendar) March 4, 2026 (assumed)");
    assert.equal(shown?.warning, true);
    assert.match(shown?.tooltip ?? "", /front matter/);
  });

  it("shows a date from a dateline like a front-matter date", () => {
    const shown = statusFor({ date: "2022-02-28", source: "dateline", description: "Monday, Feb. 28, 2022 (from the dateline)" });
    assert.equal(shown?.text, "$(calendar) Feb. 28, 2022");
    assert.match(shown?.tooltip ?? "", /from the dateline/);
    assert.equal(shown?.warning, false);
  });

  it("hides the item when there is no answer", () => {
    assert.equal(statusFor(null), undefined);
    assert.equal(statusFor(undefined), undefined);
    assert.equal(statusFor({ date: 5 }), undefined);
  });

  it("falls back to the ISO date when the description is missing", () => {
    assert.equal(shortDate({ date: "2022-02-28", source: "setting", description: "" }), "2022-02-28");
  });
});
